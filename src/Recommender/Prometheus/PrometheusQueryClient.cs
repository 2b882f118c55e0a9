using System.Globalization;
using System.Security.Authentication;
using Polly.Timeout;
using Refit;
using RightSizer.Recommender.History;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// The transport of the Prometheus history source: builds the form of each query, splits range queries so no part
/// exceeds the points-per-series limit and joins the parts, and turns every failure (network, timeout, HTTP status,
/// malformed answer) into one <see cref="HistorySourceException"/> naming the query. Prometheus' <c>warnings</c> are
/// passed on, once each.
/// </summary>
public sealed class PrometheusQueryClient
{
    private readonly IPrometheusApi _api;
    private readonly PrometheusSourceSettings _settings;
    private readonly Action<string> _warn;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <param name="warn">Told each distinct warning Prometheus attaches to an answer.</param>
    public PrometheusQueryClient(IPrometheusApi api, PrometheusSourceSettings settings, Action<string>? warn = null)
    {
        _api = api;
        _settings = settings;
        _warn = warn ?? (_ => { });
    }

    public async Task<IReadOnlyList<PrometheusSeries>> InstantAsync(string text, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["query"] = text,
            ["time"] = UnixSeconds(time.ToUnixTimeSeconds()),
        };
        var data = await SendAsync(text, "vector", () => _api.QueryAsync(form, cancellationToken), cancellationToken);
        return data.Result;
    }

    /// <summary>A range query, split so no part exceeds the points-per-series limit, with each series' parts joined.</summary>
    public async Task<List<PrometheusSeries>> RangeAsync(string text, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var step = (long)_settings.Step.TotalSeconds;
        var merged = new Dictionary<string, (PrometheusSeries Series, List<PrometheusPoint> Points)>(StringComparer.Ordinal);
        foreach (var (chunkStart, chunkEnd) in RangeChunker.Split(start.ToUnixTimeSeconds(), end.ToUnixTimeSeconds(), step, _settings.MaxPointsPerSeries))
        {
            var form = new Dictionary<string, string>
            {
                ["query"] = text,
                ["start"] = UnixSeconds(chunkStart),
                ["end"] = UnixSeconds(chunkEnd),
                ["step"] = UnixSeconds(step),
            };
            var data = await SendAsync(text, "matrix", () => _api.QueryRangeAsync(form, cancellationToken), cancellationToken);
            foreach (var series in data.Result)
            {
                var labels = string.Join('\u0000', series.Metric.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
                if (!merged.TryGetValue(labels, out var entry))
                {
                    merged[labels] = entry = (series, []);
                }

                entry.Points.AddRange(series.Values);
            }
        }

        return [.. merged.Values.Select(entry => entry.Series with { Values = entry.Points })];
    }

    private async Task<PrometheusData> SendAsync(
        string text,
        string resultType,
        Func<Task<HttpResponseMessage>> call,
        CancellationToken cancellationToken)
    {
        PrometheusHttpAnswer answer;
        try
        {
            using var response = await call();
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            answer = new PrometheusHttpAnswer(
                response.StatusCode,
                response.ReasonPhrase,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.Location,
                body,
                Retried: PrometheusHttpClientFactory.IsRetriedStatus(response.StatusCode));
        }
        catch (Exception e) when (Find<PrometheusAnswerException>(e) is { } tooLarge)
        {
            throw new HistorySourceException($"Prometheus answer unusable: {tooLarge.Message}; query: {PrometheusAnswer.Shorten(text)}", unreachable: false, e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is ApiRequestException or HttpRequestException or TimeoutRejectedException or TaskCanceledException)
        {
            throw Unreachable(text, e);
        }

        var parsed = PrometheusAnswer.Read(answer, resultType, text);
        foreach (var warning in parsed.Warnings ?? [])
        {
            if (_warned.Add(warning))
            {
                _warn($"Prometheus: {warning}");
            }
        }

        return parsed.Data!;
    }

    private static HistorySourceException Unreachable(string text, Exception e)
    {
        var what = Find<TimeoutRejectedException>(e) is not null || e is TaskCanceledException
            ? "timed out"
            : $"could not be reached ({Describe(e)})";
        return new HistorySourceException($"Prometheus {what}; query: {PrometheusAnswer.Shorten(text)}", unreachable: true, e);
    }

    /// <summary>
    /// What went wrong below Refit's and HttpClient's wrappers, with the TLS reason kept: "The SSL connection could not
    /// be established, see inner exception" says nothing by itself.
    /// </summary>
    private static string Describe(Exception e)
    {
        while (e is ApiRequestException { InnerException: not null })
        {
            e = e.InnerException!;
        }

        if (Find<AuthenticationException>(e) is not { } tls)
        {
            return e.InnerException is { } inner && e.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase) ? inner.Message : e.Message;
        }

        if (tls.Message.Contains("RemoteCertificateValidationCallback", StringComparison.Ordinal))
        {
            // Only the CA-file check installs a callback: it refused the chain or the host name.
            return "TLS handshake failed: the server's certificate is not signed by the CA file's certificates, or is for another host name";
        }

        var unknownAuthority = tls.Message.Contains("UntrustedRoot", StringComparison.Ordinal) || tls.Message.Contains("PartialChain", StringComparison.Ordinal);
        return $"TLS handshake failed: {tls.Message.TrimEnd('.')}{(unknownAuthority ? "; if a private CA signs the server's certificate, pass it with --ca-file" : string.Empty)}";
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string UnixSeconds(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
