using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Prometheus;

/// <summary>The envelope every Prometheus API answer has, successful or not.</summary>
public sealed record PrometheusResponse
{
    /// <summary><c>success</c> or <c>error</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("data")]
    public PrometheusData? Data { get; init; }

    /// <summary><c>bad_data</c>, <c>execution</c>, <c>timeout</c>, <c>canceled</c>, <c>internal</c>, ... when failed.</summary>
    [JsonPropertyName("errorType")]
    public string? ErrorType { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string>? Warnings { get; init; }
}
