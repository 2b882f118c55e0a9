using System.Net;

namespace RightSizer.Recommender.Prometheus;

/// <summary>What came back for one query, already read off the wire: status, what the body claims to be, the body.</summary>
/// <param name="Retried">Whether the client retries this status, so that it reached us only after every retry.</param>
public sealed record PrometheusHttpAnswer(HttpStatusCode Status, string? Reason, string? MediaType, Uri? Location, byte[] Body, bool Retried);
