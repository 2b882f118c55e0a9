using RightSizer.Api.Units;
using YamlDotNet.RepresentationModel;

namespace RightSizer.Operator.Tests.Crd;

public sealed class SampleTests
{
    private static IEnumerable<TestCaseData> Samples() =>
        Directory.GetFiles(RepositoryRoot.File("config", "samples"), "rightsizer_*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Validate_Sample_{Path.GetFileNameWithoutExtension(f)}_MatchesSchema"));

    [Test]
    public void Samples_AtLeastThree_Present() => Assert.That(Samples().Count(), Is.GreaterThanOrEqualTo(3));

    [TestCaseSource(nameof(Samples))]
    public void Validate_Sample_MatchesSchema(string file)
    {
        var document = Load(File.ReadAllText(RepositoryRoot.File("config", "samples", file)));

        Assert.That(StructuralSchemaValidator.Validate(document, CommittedCrd.Schema()), Is.Empty);
    }

    private static readonly TestCaseData[] Broken =
    [
        new TestCaseData("spec: {targetRef: {kind: Deployment, name: web}, recomendation: {}}", "spec.recomendation: unknown field").SetName("Validate_UnknownField_Rejected"),
        new TestCaseData("spec: {targetRef: {kind: Pod, name: web}}", "spec.targetRef.kind: must be one of Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob (got 'Pod')").SetName("Validate_BadEnum_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, recommendation: {requestPercentile: 0}}", "spec.recommendation.requestPercentile: must be > 0 (got 0)").SetName("Validate_ExclusiveMinimum_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, update: {minChange: 2}}", "spec.update.minChange: must be <= 1 (got 2)").SetName("Validate_AboveMaximum_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, recommendation: {halfLife: soon}}", $"spec.recommendation.halfLife: must match {PromDuration.Pattern} (got 'soon')").SetName("Validate_BadDuration_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, recommendation: {halfLife: 1m1h}}", $"spec.recommendation.halfLife: must match {PromDuration.Pattern} (got '1m1h')").SetName("Validate_DurationUnitsOutOfOrder_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, containers: [{containerName: app, minAllowed: [1]}]}", "spec.containers[0].minAllowed: must be an integer or a string").SetName("Validate_QuantityNotScalar_Rejected"),
        new TestCaseData("spec: {targetRef: {kind: Deployment}}", "spec.targetRef.name: required").SetName("Validate_MissingRequired_Rejected"),
        new TestCaseData("spec: {selector: {matchLabels: {a: b}}, mode: false}", "spec.mode: must be a string (got boolean 'false')").SetName("Validate_UnquotedBooleanMode_Rejected"),
    ];

    [TestCaseSource(nameof(Broken))]
    public void Validate_Broken_Rejected(string spec, string expected)
    {
        var document = Load("apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: x}\n" + spec);

        Assert.That(StructuralSchemaValidator.Validate(document, CommittedCrd.Schema()), Is.EqualTo(new[] { expected }));
    }

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
