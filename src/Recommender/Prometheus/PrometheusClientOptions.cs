namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// How to reach a Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics). Bound from CLI flags
/// or operator options and validated before the first query.
/// </summary>
public sealed record PrometheusClientOptions
{
    /// <summary>Base URL, including any path prefix (e.g. <c>https://mimir.example/prometheus</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>A file holding a bearer token; re-read when it changes (projected service-account tokens rotate).</summary>
    public string? BearerTokenFile { get; init; }

    public string? BasicAuthUser { get; init; }

    public string? BasicAuthPassword { get; init; }

    /// <summary>Extra headers sent with every request, e.g. <c>X-Scope-OrgID</c> for Mimir and Cortex tenants.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>PEM file of CA certificates to trust for the server's certificate, in addition to the system roots.</summary>
    public string? CaFile { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Shortest <see cref="Timeout"/>: Polly's timeout strategy refuses less.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest <see cref="Timeout"/>: Polly's timeout strategy refuses more.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, with exponential backoff and jitter.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Delay before the first retry; doubled for each further one (a <c>Retry-After</c> header wins).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries, whatever the backoff or a server's <c>Retry-After</c> says.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest answer read, on the wire and again decompressed. A range query over 250 containers for 14 days at 5
    /// minutes is about 30 MiB of JSON; the cap stops a runaway answer or a gzip bomb well before memory runs out.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 512L * 1024 * 1024;
}
