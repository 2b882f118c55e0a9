using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// One <c>[unix_seconds, "value"]</c> pair. The value is parsed here, once, with the invariant culture;
/// <c>NaN</c> and <c>±Inf</c> are kept as such so callers can drop them.
/// </summary>
[JsonConverter(typeof(PrometheusPointConverter))]
public readonly record struct PrometheusPoint(double Timestamp, double Value);
