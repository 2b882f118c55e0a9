using System.IO.Compression;
using System.Net.Http.Headers;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Asks for gzip, counts request and response bytes as they cross the wire, then decompresses. Prometheus answers of
/// long ranges compress about tenfold, so this is both the measurement and the saving. The body is read here, inside
/// the per-attempt timeout, so a server that stalls mid-body times out like one that never answers; and it is read
/// up to a cap, on the wire and decompressed, so a runaway answer (or a gzip bomb) fails instead of eating memory.
/// </summary>
internal sealed class TransferCountingHandler : DelegatingHandler
{
    private readonly PrometheusTransferStats _stats;
    private readonly long _maxBytes;

    public TransferCountingHandler(PrometheusTransferStats stats, long maxBytes)
    {
        _stats = stats;
        _maxBytes = maxBytes;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptEncoding.Clear();
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var requestBytes = request.Content is null ? 0 : (await request.Content.ReadAsByteArrayAsync(cancellationToken)).LongLength;
        _stats.AddRequest(requestBytes);

        var response = await base.SendAsync(request, cancellationToken);
        var wire = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await ReadCappedAsync(wire, "answer", cancellationToken);
        _stats.AddResponse(body.LongLength);
        var gzip = response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase);
        if (gzip)
        {
            await using var decompressor = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            try
            {
                body = await ReadCappedAsync(decompressor, "decompressed answer", cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new PrometheusAnswerException($"the gzip answer is corrupt ({e.Message})");
            }
        }

        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            if (!gzip || header.Key is not ("Content-Encoding" or "Content-Length"))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = content;
        return response;
    }

    private async Task<byte[]> ReadCappedAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                throw new PrometheusAnswerException(FormattableString.Invariant(
                    $"the {what} exceeds {(_maxBytes % (1024 * 1024) == 0 ? $"{_maxBytes / (1024 * 1024)} MiB" : $"{_maxBytes} bytes")}; narrow the scan (-n) or lower the series per request"));
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }
}
