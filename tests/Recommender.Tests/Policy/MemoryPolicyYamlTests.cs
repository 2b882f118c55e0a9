using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Policy;

namespace RightSizer.Recommender.Tests.Policy;

public sealed class MemoryPolicyYamlTests
{
    private const string Header = "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: web}\n";

    private static readonly TestCaseData[] Errors =
    [
        new TestCaseData(Header + "spec:\n  recomendation: {}\n", "p.yaml:1: spec.recomendation: unknown field").SetName("Load_MisspelledField_UnknownFieldWithPath"),
        new TestCaseData(Header + "spec:\n  targetRef: {kind: Pod, name: x}\n", "p.yaml:1: spec.targetRef.kind: must be one of Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob (got 'Pod')").SetName("Load_UnsupportedKind_ListsKinds"),
        new TestCaseData(Header + "spec:\n  mode: Sometimes\n", "p.yaml:1: spec.mode: must be one of Off, Initial, Recreate, InPlace (got 'Sometimes')").SetName("Load_UnknownMode_ListsModes"),
        new TestCaseData(Header + "spec:\n  recommendation: {requestPercentile: high}\n", "p.yaml:1: spec.recommendation.requestPercentile: *").SetName("Load_NonNumericPercentile_NamesField"),
        new TestCaseData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "p.yaml:1: expected apiVersion rightsizer.io/v1alpha1 and kind MemoryPolicy, found v1 ConfigMap").SetName("Load_OtherKind_Rejected"),
        new TestCaseData("spec: [unclosed\n", "p.yaml:*").SetName("Load_BrokenYaml_NamesLine"),
    ];

    [TestCaseSource(nameof(Errors))]
    public void Load_Invalid_Throws(string yaml, string expected)
    {
        var error = Assert.Throws<PolicyFormatException>(() => MemoryPolicyYaml.Load(yaml, "p.yaml"));

        Assert.That(error!.Message, expected.EndsWith('*') ? Does.StartWith(expected[..^1]) : Is.EqualTo(expected));
    }

    [Test]
    public void Load_SeveralDocuments_AllReturnedInOrder()
    {
        var yaml = Header + "spec: {mode: Initial}\n---\n" + Header.Replace("web", "api", StringComparison.Ordinal) + "spec: {mode: Recreate}\n";

        var policies = MemoryPolicyYaml.Load(yaml, "p.yaml");

        Assert.That(policies.Select(p => (p.Metadata.Name, p.Spec.Mode)), Is.EqualTo(new[] { ("web", (PolicyMode?)PolicyMode.Initial), ("api", PolicyMode.Recreate) }));
    }

    [Test]
    public void Load_NumbersAndQuotedStrings_TypedByField()
    {
        var yaml = Header + "spec:\n  recommendation: {requestPercentile: 97.5, minSamples: 12}\n  update: {maxUnavailable: 2, cooldown: \"30m\"}\n";

        var spec = MemoryPolicyYaml.Load(yaml, "p.yaml").Single().Spec;

        Assert.Multiple(() =>
        {
            Assert.That(spec.Recommendation!.RequestPercentile, Is.EqualTo(97.5));
            Assert.That(spec.Recommendation.MinSamples, Is.EqualTo(12));
            Assert.That(spec.Update!.MaxUnavailable, Is.EqualTo("2"));
            Assert.That(spec.Update.Cooldown, Is.EqualTo("30m"));
        });
    }
}
