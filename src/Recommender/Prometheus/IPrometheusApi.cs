using Refit;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// The two endpoints of the Prometheus HTTP API the recommender needs. Queries go as form-encoded POST bodies so that
/// long selectors (batches of namespaces and pods) never hit URL length limits. Refit appends these paths to the base
/// address's own path, so a prefix such as <c>/prometheus</c> (Thanos, Mimir) is kept. The raw response is returned:
/// <see cref="PrometheusAnswer"/> reads it, so a wrong answer is described rather than reported as its status line.
/// </summary>
public interface IPrometheusApi
{
    /// <summary>An instant query; form keys <c>query</c> and <c>time</c>.</summary>
    [Post("/api/v1/query")]
    Task<HttpResponseMessage> QueryAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);

    /// <summary>A range query; form keys <c>query</c>, <c>start</c>, <c>end</c> and <c>step</c>.</summary>
    [Post("/api/v1/query_range")]
    Task<HttpResponseMessage> QueryRangeAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
