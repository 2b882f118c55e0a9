using RightSizer.Recommender.Policy;
using RightSizer.Webhooks.Validation;

namespace RightSizer.Webhooks.Tests.Validation;

public sealed class MemoryPolicyValidatorTests
{
    private const string Target = "targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}";

    private static readonly TestCaseData[] Cases =
    [
        Case("Validate_MinimalDeployment_Valid", Target),
        Case("Validate_FullSpec_Valid", $$"""
            {{Target}}
            mode: Recreate
            qosClass: Guaranteed
            containers:
              - {containerName: app, minAllowed: 128Mi, maxAllowed: 2Gi, controlledValues: RequestsAndLimits}
              - {containerName: "*", mode: "Off"}
            recommendation: {signal: RSS, historyWindow: 7d, halfLife: 24h, requestPercentile: 95, limitStrategy: Percentile, limitPercentile: 99.9, requestMargin: 0.1, limitMargin: 0.2, growthHorizon: 3d, minSamples: 100, oomRisk: 0.02, overRequestRisk: 0.1}
            runtime: {type: JVM, heapHeadroom: 0.3}
            update: {minChange: 0.1, maxUnavailable: 25%, cooldown: 1h}
            """),
        Case("Validate_SelectorWithExpressions_Valid", """
            selector:
              matchExpressions:
                - {key: tier, operator: In, values: [api]}
                - {key: canary, operator: DoesNotExist}
            """),
        Case("Validate_CronJobInBatchGroup_Valid", "targetRef: {apiVersion: batch/v1, kind: CronJob, name: nightly}"),
        Case("Validate_TargetRefAndSelector_ExactlyOne", $"{Target}\nselector: {{matchLabels: {{app: web}}}}",
            "spec.targetRef: exactly one of targetRef and selector must be set (got both)"),
        Case("Validate_NeitherTargetRefNorSelector_ExactlyOne", "mode: \"Off\"",
            "spec.targetRef: exactly one of targetRef and selector must be set (got neither)"),
        Case("Validate_TargetRefWithoutName_NameRequired", "targetRef: {apiVersion: apps/v1, kind: Deployment}",
            "spec.targetRef.name: is required"),
        Case("Validate_TargetRefWithoutKind_KindRequired", "targetRef: {apiVersion: apps/v1, name: web}",
            "spec.targetRef.kind: is required: one of Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob"),
        Case("Validate_JobInAppsGroup_WrongApiVersion", "targetRef: {apiVersion: apps/v1, kind: Job, name: once}",
            "spec.targetRef.apiVersion: must be batch/v1 for kind Job (got 'apps/v1')"),
        Case("Validate_EmptySelector_WouldMatchEverything", "selector: {}",
            "spec.selector.matchLabels: must have at least one matchLabels entry or matchExpressions term (an empty selector would match every pod)"),
        Case("Validate_InWithoutValues_ValuesNeeded", "selector: {matchExpressions: [{key: tier, operator: In}]}",
            "spec.selector.matchExpressions[0].values: must not be empty for operator In"),
        Case("Validate_ExistsWithValues_ValuesForbidden", "selector: {matchExpressions: [{key: tier, operator: Exists, values: [a]}]}",
            "spec.selector.matchExpressions[0].values: must be empty for operator Exists (got 1 values)"),
        Case("Validate_RequestPercentileZero_OutOfRange", $"{Target}\nrecommendation: {{requestPercentile: 0}}",
            "spec.recommendation.requestPercentile: must be in (0, 100] (got 0)"),
        Case("Validate_LimitPercentileAbove100_OutOfRange", $"{Target}\nrecommendation: {{limitPercentile: 100.5}}",
            "spec.recommendation.limitPercentile: must be in (0, 100] (got 100.5)"),
        Case("Validate_LimitPercentileBelowRequest_Inconsistent", $"{Target}\nrecommendation: {{requestPercentile: 95, limitPercentile: 80}}",
            "spec.recommendation.limitPercentile: must be >= requestPercentile (got 80 < 95)"),
        Case("Validate_ZeroOomRisk_OutOfRange", $"{Target}\nrecommendation: {{oomRisk: 0}}",
            "spec.recommendation.oomRisk: must be in (0, 0.5] (got 0)"),
        Case("Validate_OverRequestRiskAboveHalf_OutOfRange", $"{Target}\nrecommendation: {{overRequestRisk: 0.6}}",
            "spec.recommendation.overRequestRisk: must be in (0, 0.5] (got 0.6)"),
        Case("Validate_NegativeMargin_OutOfRange", $"{Target}\nrecommendation: {{requestMargin: -0.1}}",
            "spec.recommendation.requestMargin: must be in [0, 10] (got -0.1)"),
        Case("Validate_NegativeQuantity_Rejected", $"{Target}\ncontainers: [{{containerName: app, minAllowed: -1Gi}}]",
            "spec.containers[0].minAllowed: must not be negative (got '-1Gi')"),
        Case("Validate_UnparsableQuantity_Rejected", $"{Target}\ncontainers: [{{containerName: app, maxAllowed: lots}}]",
            "spec.containers[0].maxAllowed: *"),
        Case("Validate_MinAboveMax_Rejected", $"{Target}\ncontainers: [{{containerName: app, minAllowed: 128Mi, maxAllowed: 64Mi}}]",
            "spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)"),
        Case("Validate_DuplicateContainerNames_Rejected", $"{Target}\ncontainers: [{{containerName: app}}, {{containerName: app}}]",
            "spec.containers[1].containerName: duplicates an earlier entry (got 'app')"),
        Case("Validate_ContainerWithoutName_Rejected", $"{Target}\ncontainers: [{{minAllowed: 1Gi}}]",
            "spec.containers[0].containerName: is required (a container name, or * for the rest)"),
        Case("Validate_WindowShorterThanOneHour_Rejected", $"{Target}\nrecommendation: {{historyWindow: 30m, halfLife: 10m}}",
            "spec.recommendation.historyWindow: must be at least 1h (got '30m')"),
        Case("Validate_HalfLifeLongerThanWindow_Rejected", $"{Target}\nrecommendation: {{historyWindow: 2d, halfLife: 3d}}",
            "spec.recommendation.halfLife: must not be longer than historyWindow (got 3d > 2d)"),
        Case("Validate_HalfLifeLongerThanDefaultWindow_Rejected", $"{Target}\nrecommendation: {{halfLife: 30d}}",
            "spec.recommendation.halfLife: must not be longer than historyWindow (got 30d > 14d)"),
        Case("Validate_UnparsableDuration_Rejected", $"{Target}\nrecommendation: {{growthHorizon: soon}}",
            "spec.recommendation.growthHorizon: *"),
        Case("Validate_MinSamplesZero_Rejected", $"{Target}\nrecommendation: {{minSamples: 0}}",
            "spec.recommendation.minSamples: must be >= 1 (got 0)"),
        Case("Validate_HeapHeadroomAboveNinetyPercent_Rejected", $"{Target}\nruntime: {{heapHeadroom: 0.95}}",
            "spec.runtime.heapHeadroom: must be in [0, 0.9] (got 0.95)"),
        Case("Validate_MinChangeAboveOne_Rejected", $"{Target}\nupdate: {{minChange: 1.5}}",
            "spec.update.minChange: must be in [0, 1] (got 1.5)"),
        Case("Validate_MaxUnavailableZero_Rejected", $"{Target}\nupdate: {{maxUnavailable: \"0\"}}",
            "spec.update.maxUnavailable: must be an integer >= 1 or a percentage from 1% to 100% (got '0')"),
        Case("Validate_MaxUnavailableOver100Percent_Rejected", $"{Target}\nupdate: {{maxUnavailable: 150%}}",
            "spec.update.maxUnavailable: must be an integer >= 1 or a percentage from 1% to 100% (got '150%')"),
        Case("Validate_CooldownUnparsable_Rejected", $"{Target}\nupdate: {{cooldown: an hour}}",
            "spec.update.cooldown: is not a duration such as 1h or 30m (got 'an hour')"),
        Case("Validate_SeveralProblems_AllReported", $"{Target}\nrecommendation: {{requestPercentile: 0, minSamples: 0}}",
            "spec.recommendation.requestPercentile: must be in (0, 100] (got 0)",
            "spec.recommendation.minSamples: must be >= 1 (got 0)"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_Table(string spec, string[] expected)
    {
        var policy = MemoryPolicyYaml.Load(Policy(spec), "test.yaml").Single();

        var problems = MemoryPolicyValidation.Validate(policy).Select(p => p.ToString()).ToList();

        Assert.That(problems, Has.Count.EqualTo(expected.Length), string.Join(Environment.NewLine, problems));
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i].EndsWith('*'))
            {
                Assert.That(problems[i], Does.StartWith(expected[i][..^1]));
            }
            else
            {
                Assert.That(problems[i], Is.EqualTo(expected[i]));
            }
        }
    }

    [Test]
    public void Validate_MissingName_NameRequired()
    {
        var policy = MemoryPolicyYaml.Load(Policy(Target).Replace("  name: web\n", string.Empty, StringComparison.Ordinal), "test.yaml").Single();

        Assert.That(MemoryPolicyValidation.Validate(policy).Select(p => p.ToString()), Is.EqualTo(new[] { "metadata.name: is required" }));
    }

    private static TestCaseData Case(string name, string spec, params string[] expected) =>
        new TestCaseData(spec, expected).SetName(name);

    private static string Policy(string spec) =>
        "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n"
        + string.Join('\n', spec.Split('\n').Select(line => "  " + line)) + "\n";
}
