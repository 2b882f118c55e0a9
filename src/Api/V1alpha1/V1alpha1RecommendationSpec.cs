using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>How recommendations are computed from memory history.</summary>
public sealed class V1alpha1RecommendationSpec
{
    [JsonPropertyName("signal")]
    [SchemaDefault(MemoryPolicyDefaults.Signal)]
    [Description("WorkingSet (container_memory_working_set_bytes: what the kubelet evicts and the kernel OOM-kills by) or RSS (anonymous memory without page cache, for workloads whose working set is inflated by file cache).")]
    public MemorySignal? Signal { get; set; }

    [JsonPropertyName("historyWindow")]
    [Duration]
    [SchemaDefault(MemoryPolicyDefaults.HistoryWindow)]
    [Description("How much history to read, e.g. 14d. At least " + MemoryPolicyLimits.MinHistoryWindow + ".")]
    public string? HistoryWindow { get; set; }

    [JsonPropertyName("halfLife")]
    [Duration]
    [SchemaDefault(MemoryPolicyDefaults.HalfLife)]
    [Description("Age at which a sample weighs half as much as a fresh one, e.g. 48h. At most the history window.")]
    public string? HalfLife { get; set; }

    [JsonPropertyName("requestPercentile")]
    [Range(MemoryPolicyLimits.PercentileMin, MemoryPolicyLimits.PercentileMax, ExclusiveMinimum = true)]
    [SchemaDefault(MemoryPolicyDefaults.RequestPercentile)]
    [Description("Percentile of the decayed usage distribution the request covers, in (0, 100].")]
    public double? RequestPercentile { get; set; }

    [JsonPropertyName("limitStrategy")]
    [SchemaDefault(MemoryPolicyDefaults.LimitStrategy)]
    [Description("Peak derives the limit from the observed peak; Percentile from limitPercentile; None sets no limit.")]
    public LimitStrategy? LimitStrategy { get; set; }

    [JsonPropertyName("limitPercentile")]
    [Range(MemoryPolicyLimits.PercentileMin, MemoryPolicyLimits.PercentileMax, ExclusiveMinimum = true)]
    [SchemaDefault(MemoryPolicyDefaults.LimitPercentile)]
    [Description("Percentile the limit covers when limitStrategy is Percentile, in (0, 100].")]
    public double? LimitPercentile { get; set; }

    [JsonPropertyName("seasonality")]
    [SchemaDefault(MemoryPolicyDefaults.Seasonality)]
    [Description("None takes the limit's peak over every day of the window. Weekly takes it over the days of the same class (Monday to Friday, or Saturday and Sunday, in UTC) as the day of the recommendation, so a weekend backup does not inflate weekday limits nor weekday traffic weekend ones; such a limit holds for its own day class only and must be re-applied at each boundary.")]
    public Seasonality? Seasonality { get; set; }

    [JsonPropertyName("requestMargin")]
    [Range(MemoryPolicyLimits.MarginMin, MemoryPolicyLimits.MarginMax)]
    [SchemaDefault(MemoryPolicyDefaults.RequestMargin)]
    [Description("Fraction added on top of the request estimate, e.g. 0.1 for 10%.")]
    public double? RequestMargin { get; set; }

    [JsonPropertyName("limitMargin")]
    [Range(MemoryPolicyLimits.MarginMin, MemoryPolicyLimits.MarginMax)]
    [Description("Fraction added on top of the limit estimate, e.g. 0.2 for 20%. Unset: 0.2 for Burstable pods, whose limit is burst room, and 0 for Guaranteed pods, whose limit is reserved (a square-root headroom is added either way).")]
    public double? LimitMargin { get; set; }

    [JsonPropertyName("oomRisk")]
    [Range(MemoryPolicyLimits.RiskMin, MemoryPolicyLimits.RiskMax, ExclusiveMinimum = true)]
    [Description("Share of container-days on which usage may exceed the limit, in (0, 0.5], e.g. 0.01. The limit's headroom is calibrated on the policy's containers to meet it. Unset: 0.01 for Burstable pods, 0.005 for Guaranteed pods.")]
    public double? OomRisk { get; set; }

    [JsonPropertyName("overRequestRisk")]
    [Range(MemoryPolicyLimits.RiskMin, MemoryPolicyLimits.RiskMax, ExclusiveMinimum = true)]
    [SchemaDefault(MemoryPolicyDefaults.OverRequestRisk)]
    [Description("Share of the time usage may exceed the request, in (0, 0.5], e.g. 0.05. The request's headroom is calibrated on the policy's containers to meet it.")]
    public double? OverRequestRisk { get; set; }

    [JsonPropertyName("growthHorizon")]
    [Duration]
    [SchemaDefault(MemoryPolicyDefaults.GrowthHorizon)]
    [Description("How far ahead the growth-trend projection must be covered by the limit, e.g. 7d.")]
    public string? GrowthHorizon { get; set; }

    [JsonPropertyName("minSamples")]
    [Range(MemoryPolicyLimits.MinSamplesMin, int.MaxValue)]
    [SchemaDefault(MemoryPolicyDefaults.MinSamples)]
    [Description("Samples a container needs before it gets a recommendation.")]
    public int? MinSamples { get; set; }
}
