using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Policy;

namespace RightSizer.Recommender.Tests.Policy;

public sealed class MemoryPolicyYamlTests
{
    private const string Header = "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: web}\n";

    private static readonly TestCaseData[] Errors =
    [
        new TestCaseData(Header + "spec:\n  recomendation: {}\n", "p.yaml:5: spec.recomendation: unknown field").SetName("Load_MisspelledField_UnknownFieldWithPath"),
        new TestCaseData(Header + "spec:\n  targetRef: {kind: Pod, name: x}\n", "p.yaml:5: spec.targetRef.kind: must be one of Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, spelled exactly (got 'Pod')").SetName("Load_UnsupportedKind_ListsKinds"),
        new TestCaseData(Header + "spec:\n  mode: Sometimes\n", "p.yaml:5: spec.mode: must be one of Off, Initial, Recreate, InPlace, spelled exactly (got 'Sometimes')").SetName("Load_UnknownMode_ListsModes"),
        new TestCaseData(Header + "spec:\n  recommendation: {requestPercentile: high}\n", "p.yaml:5: spec.recommendation.requestPercentile: *").SetName("Load_NonNumericPercentile_NamesField"),
        new TestCaseData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "p.yaml:1: expected apiVersion rightsizer.io/v1alpha1 and kind MemoryPolicy, found v1 ConfigMap").SetName("Load_OtherKind_Rejected"),
        new TestCaseData("spec: [unclosed\n", "p.yaml:*").SetName("Load_BrokenYaml_NamesLine"),
        new TestCaseData("apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: web\nspec: [\n", "p.yaml:3: not valid YAML*")
            .SetName("Load_UnclosedFlowMappingCrashedWithStackTrace_NotValidYamlWithLine"),
        new TestCaseData(Header + "spec:\n  mode: 99\n", "p.yaml:5: spec.mode: must be one of Off, Initial, Recreate, InPlace, spelled exactly (got '99')")
            .SetName("Load_IntegerModeAccepted_Refused"),
        new TestCaseData(Header + "spec:\n  recommendation: {limitStrategy: 7}\n", "p.yaml:5: spec.recommendation.limitStrategy: must be one of *")
            .SetName("Load_IntegerLimitStrategyBehavedAsPeak_Refused"),
        new TestCaseData(Header + "spec:\n  mode: OFF\n", "p.yaml:5: spec.mode: must be one of Off, Initial, Recreate, InPlace, spelled exactly (got false: YAML 1.1, as kubectl reads it, takes a plain OFF for a boolean; quote it (\"OFF\"))")
            .SetName("Load_UpperCaseModeAccepted_Refused"),
        new TestCaseData(Header + "spec:\n  mode: \"OFF\"\n", "p.yaml:5: spec.mode: must be one of Off, Initial, Recreate, InPlace, spelled exactly (got 'OFF')")
            .SetName("Load_QuotedUpperCaseModeAccepted_Refused"),
        new TestCaseData(Header + "spec:\n  mode: Off\n", "p.yaml:5: spec.mode: must be one of Off, Initial, Recreate, InPlace, spelled exactly (got false: YAML 1.1, as kubectl reads it, takes a plain Off for a boolean; quote it (\"Off\"))")
            .SetName("Load_PlainOff_RefusedAsKubectlReadsItAsFalse"),
        new TestCaseData(Header + "spec:\n  recommendation: {signal: rss}\n", "p.yaml:5: spec.recommendation.signal: must be one of WorkingSet, RSS, spelled exactly (got 'rss')")
            .SetName("Load_LowerCaseSignalAccepted_Refused"),
        new TestCaseData(Header + "spec:\n  recommendation: {requestPercentile: [1]}\n", "p.yaml:5: spec.recommendation.requestPercentile: expected a number (got [\"1\"])")
            .SetName("Load_ListForNumberLeakedDotNetTypeName_SaysANumber"),
        new TestCaseData(Header + "spec:\n  mode: Initial\n  mode: Off\n", "p.yaml:6: spec.mode: duplicate field").SetName("Load_DuplicateField_Refused"),
        new TestCaseData(Header + "spec: *nothing\n", "p.yaml:4: alias *nothing names no anchor").SetName("Load_AliasWithoutAnchor_Refused"),
    ];

    [Test]
    public void Load_UnknownFieldsReportedFirstOnlyAtDocumentLine_EveryOneWithItsLine()
    {
        var yaml = Header + "spec:\n  recomendation: {}\n  containers:\n  - containerName: app\n    maxAlowed: 1Gi\n  updat: {}\n";

        var error = Assert.Throws<PolicyFormatException>(() => MemoryPolicyYaml.Load(yaml, "p.yaml"));

        Assert.That(error!.Problems, Is.EqualTo(new[]
        {
            "p.yaml:5: spec.recomendation: unknown field",
            "p.yaml:8: spec.containers[0].maxAlowed: unknown field",
            "p.yaml:9: spec.updat: unknown field",
        }));
    }

    [Test]
    public void Load_AliasBombReached5GBRss_RefusedBeforeExpanding()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var error = Assert.Throws<PolicyFormatException>(() => MemoryPolicyYaml.Load(yaml.ToString(), "p.yaml"));

        Assert.That(error!.Message, Does.Match(@"^p\.yaml:\d+: more than 10000 nodes once aliases are expanded"));
    }

    [Test]
    public void Load_HugeDocument_RefusedBySize() =>
        Assert.That(
            () => MemoryPolicyYaml.Load("a: " + new string('x', MemoryPolicyYaml.MaxBytes) + "\n", "p.yaml"),
            Throws.TypeOf<PolicyFormatException>().With.Message.EqualTo("p.yaml: larger than 3 MiB, the most the API server accepts"));

    [Test]
    public void Load_SmallAliases_Expanded()
    {
        var yaml = Header + "spec:\n  targetRef: &t {kind: Deployment, name: web}\n  containers:\n  - &c {containerName: app, minAllowed: 64Mi}\n";

        var spec = MemoryPolicyYaml.Load(yaml, "p.yaml").Single().Spec;

        Assert.That((spec.TargetRef!.Name, spec.Containers![0].MinAllowed), Is.EqualTo(("web", "64Mi")));
    }

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
