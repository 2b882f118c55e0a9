namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Counts what a Prometheus client sent and received: every HTTP attempt (retries included) and the bytes on the wire
/// (response bodies before decompression). Thread-safe; read it after a scan to report its cost.
/// </summary>
public sealed class PrometheusTransferStats
{
    private long _requests;
    private long _requestBytes;
    private long _responseBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long RequestBytes => Interlocked.Read(ref _requestBytes);

    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    internal void AddRequest(long bytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _requestBytes, bytes);
    }

    internal void AddResponse(long bytes) => Interlocked.Add(ref _responseBytes, bytes);
}
