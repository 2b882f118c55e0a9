using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Prometheus;

/// <summary>One series of an answer: its labels and either one <c>value</c> (vector) or many <c>values</c> (matrix).</summary>
public sealed record PrometheusSeries
{
    [JsonPropertyName("metric")]
    public IReadOnlyDictionary<string, string> Metric { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("value")]
    public PrometheusPoint? Value { get; init; }

    [JsonPropertyName("values")]
    public IReadOnlyList<PrometheusPoint> Values { get; init; } = [];

    /// <summary>The value of a label, or the empty string when absent (Prometheus treats both alike).</summary>
    public string Label(string name) => Metric.TryGetValue(name, out var value) ? value : string.Empty;
}
