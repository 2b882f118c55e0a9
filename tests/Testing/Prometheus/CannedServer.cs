using System.Collections.Concurrent;
using System.Net;

namespace RightSizer.Testing.Prometheus;

/// <summary>One canned HTTP answer: status, headers and body.</summary>
public sealed record CannedAnswer(HttpStatusCode Status, string Body = "", string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A successful instant-query answer holding the given vector (JSON array of series).</summary>
    public static CannedAnswer Vector(string result = "[]", string warnings = "") =>
        new(HttpStatusCode.OK, $$$"""{"status":"success","data":{"resultType":"vector","result":{{{result}}}}{{{warnings}}}}""");

    /// <summary>A successful range-query answer holding the given matrix (JSON array of series).</summary>
    public static CannedAnswer Matrix(string result = "[]") =>
        new(HttpStatusCode.OK, $$$"""{"status":"success","data":{"resultType":"matrix","result":{{{result}}}}}""");
}

/// <summary>
/// An HTTP server on 127.0.0.1 that answers each request with what a function of the request gives: plays the
/// proxies, gateways and broken servers a Prometheus client meets (redirects, Retry-After, HTML pages, huge bodies).
/// </summary>
public sealed class CannedServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<CannedRequest, CannedAnswer> _answer;
    private readonly Task _loop;

    public CannedServer(Func<CannedRequest, CannedAnswer> answer)
    {
        _answer = answer;
        var port = ServerProcess.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<CannedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        var count = 0;
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

            using var reader = new StreamReader(context.Request.InputStream);
            var form = await reader.ReadToEndAsync();
            var request = new CannedRequest(count++, context.Request.HttpMethod, context.Request.Url!.AbsolutePath, WebUtility.UrlDecode(form), new WebHeaderCollection { context.Request.Headers });
            Requests.Enqueue(request);
            var answer = _answer(request);
            using var response = context.Response;
            response.StatusCode = (int)answer.Status;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            var body = System.Text.Encoding.UTF8.GetBytes(answer.Body);
            try
            {
                await response.OutputStream.WriteAsync(body);
            }
            catch (HttpListenerException)
            {
                // The client gave up on the body (a size cap): nothing more to send.
            }
        }
    }
}

/// <summary>A request the canned server received: its number (from 0), method, path, decoded form and headers.</summary>
public sealed record CannedRequest(int Number, string Method, string Path, string Form, WebHeaderCollection Headers);
