using System.Collections.Concurrent;
using System.Net;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of a real Prometheus: records each request's path and headers, strips a
/// path prefix (answering 404 without it, as a Thanos or Mimir front would), and can answer a chosen status instead
/// of forwarding, to play an overloaded server.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly string _prefix;
    private readonly Func<int, HttpStatusCode?> _failWith;
    private readonly Task _loop;
    private int _count;

    /// <param name="failWith">Given the request number (from 0), a status to answer instead of forwarding, or null.</param>
    public RecordingProxy(Uri target, string prefix = "", Func<int, HttpStatusCode?>? failWith = null)
    {
        _target = target;
        _prefix = prefix;
        _failWith = failWith ?? (_ => null);
        var port = ServerProcess.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}{prefix}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Path, WebHeaderCollection Headers)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
        _upstream.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue((path, new WebHeaderCollection { request.Headers }));
        using var response = context.Response;
        if (_failWith(Interlocked.Increment(ref _count) - 1) is { } status)
        {
            response.StatusCode = (int)status;
            return;
        }

        if (!path.StartsWith(_prefix + "/", StringComparison.Ordinal))
        {
            response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_target, path[_prefix.Length..] + request.Url.Query));
        if (request.HasEntityBody)
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        using var answer = await _upstream.SendAsync(forward);
        response.StatusCode = (int)answer.StatusCode;
        response.ContentType = answer.Content.Headers.ContentType?.ToString();
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        await response.OutputStream.WriteAsync(bytes);
    }
}
