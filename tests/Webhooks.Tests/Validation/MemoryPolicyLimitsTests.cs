using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Policy;
using RightSizer.Webhooks.Validation;

namespace RightSizer.Webhooks.Tests.Validation;

/// <summary>The validator's ranges are <see cref="MemoryPolicyLimits"/>: each bound is accepted and a step past it refused.</summary>
public sealed class MemoryPolicyLimitsTests
{
    private const double Step = 0.001;

    private static readonly TestCaseData[] Cases =
    [
        Case("recommendation: {requestPercentile: %}", "spec.recommendation.requestPercentile", MemoryPolicyLimits.PercentileMax, MemoryPolicyLimits.PercentileMax + Step).SetName("Validate_RequestPercentileAtMaximum_AcceptedAboveRefused"),
        Case("recommendation: {requestPercentile: %}", "spec.recommendation.requestPercentile", MemoryPolicyLimits.PercentileMin + Step, MemoryPolicyLimits.PercentileMin).SetName("Validate_RequestPercentileAtExclusiveMinimum_Refused"),
        Case("recommendation: {limitPercentile: %}", "spec.recommendation.limitPercentile", MemoryPolicyLimits.PercentileMax, MemoryPolicyLimits.PercentileMax + Step).SetName("Validate_LimitPercentileAtMaximum_AcceptedAboveRefused"),
        Case("recommendation: {requestMargin: %}", "spec.recommendation.requestMargin", MemoryPolicyLimits.MarginMax, MemoryPolicyLimits.MarginMax + Step).SetName("Validate_RequestMarginAtMaximum_AcceptedAboveRefused"),
        Case("recommendation: {limitMargin: %}", "spec.recommendation.limitMargin", MemoryPolicyLimits.MarginMin, MemoryPolicyLimits.MarginMin - Step).SetName("Validate_LimitMarginAtMinimum_AcceptedBelowRefused"),
        Case("runtime: {heapHeadroom: %}", "spec.runtime.heapHeadroom", MemoryPolicyLimits.HeapHeadroomMax, MemoryPolicyLimits.HeapHeadroomMax + Step).SetName("Validate_HeapHeadroomAtMaximum_AcceptedAboveRefused"),
        Case("update: {minChange: %}", "spec.update.minChange", MemoryPolicyLimits.MinChangeMax, MemoryPolicyLimits.MinChangeMax + Step).SetName("Validate_MinChangeAtMaximum_AcceptedAboveRefused"),
        Case("recommendation: {minSamples: %}", "spec.recommendation.minSamples", MemoryPolicyLimits.MinSamplesMin, MemoryPolicyLimits.MinSamplesMin - 1).SetName("Validate_MinSamplesAtMinimum_AcceptedBelowRefused"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_Bound_AcceptedAndStepPastRefused(string template, string path, double inside, double outside)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Problems(template, inside), Is.Empty, $"{path} = {inside}");
            Assert.That(Problems(template, outside), Has.Some.StartsWith(path + ":"), $"{path} = {outside}");
        });
    }

    [Test]
    public void Validate_WindowAtMinimum_AcceptedShorterRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Problems($"recommendation: {{historyWindow: {MemoryPolicyLimits.MinHistoryWindow}, halfLife: 30m}}"), Is.Empty);
            Assert.That(Problems("recommendation: {historyWindow: 59m, halfLife: 30m}"), Is.EqualTo(new[]
            {
                $"spec.recommendation.historyWindow: must be at least {MemoryPolicyLimits.MinHistoryWindow} (got '59m')",
            }));
        });
    }

    private static TestCaseData Case(string template, string path, double inside, double outside) => new(template, path, inside, outside);

    private static List<string> Problems(string template, double value) =>
        Problems(template.Replace("%", value.ToString("0.###", CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static List<string> Problems(string section)
    {
        var yaml = "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: web, namespace: shop}\n"
            + "spec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  " + section + "\n";
        return [.. MemoryPolicyValidation.Validate(MemoryPolicyYaml.Load(yaml, "limits.yaml").Single()).Select(p => p.ToString())];
    }
}
