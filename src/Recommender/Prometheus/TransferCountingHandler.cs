using System.IO.Compression;
using System.Net.Http.Headers;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Asks for gzip, counts request and response bytes as they cross the wire, then decompresses. Prometheus answers of
/// long ranges compress about tenfold, so this is both the measurement and the saving. The body is read here, inside
/// the per-attempt timeout, so a server that stalls mid-body times out like one that never answers.
/// </summary>
internal sealed class TransferCountingHandler : DelegatingHandler
{
    private readonly PrometheusTransferStats _stats;

    public TransferCountingHandler(PrometheusTransferStats stats)
    {
        _stats = stats;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptEncoding.Clear();
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var requestBytes = request.Content is null ? 0 : (await request.Content.ReadAsByteArrayAsync(cancellationToken)).LongLength;
        _stats.AddRequest(requestBytes);

        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        _stats.AddResponse(body.LongLength);
        if (!response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase))
        {
            return response;
        }

        var decompressed = new StreamContent(new GZipStream(new MemoryStream(body), CompressionMode.Decompress));
        foreach (var header in response.Content.Headers)
        {
            if (header.Key is not ("Content-Encoding" or "Content-Length"))
            {
                decompressed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = decompressed;
        return response;
    }
}
