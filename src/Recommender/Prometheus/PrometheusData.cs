using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Prometheus;

/// <summary>The <c>data</c> of a query answer: a vector (instant query) or a matrix (range query).</summary>
public sealed record PrometheusData
{
    /// <summary><c>vector</c>, <c>matrix</c>, <c>scalar</c> or <c>string</c>.</summary>
    [JsonPropertyName("resultType")]
    public string ResultType { get; init; } = string.Empty;

    [JsonPropertyName("result")]
    public IReadOnlyList<PrometheusSeries> Result { get; init; } = [];
}
