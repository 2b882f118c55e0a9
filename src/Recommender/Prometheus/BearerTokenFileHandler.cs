using System.Net.Http.Headers;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Sends the bearer token held in a file, re-reading the file whenever its last write time changes: projected
/// service-account tokens are rotated on disk while the process runs.
/// </summary>
internal sealed class BearerTokenFileHandler : DelegatingHandler
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private DateTime _lastWriteUtc;
    private string _token;

    public BearerTokenFileHandler(string path)
    {
        _path = path;
        _lastWriteUtc = File.GetLastWriteTimeUtc(path);
        _token = Read(path);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CurrentToken());
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Reads the token once, trimmed of the trailing newline editors and <c>echo</c> leave.</summary>
    internal static string Read(string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0
                ? token
                : throw new InvalidOperationException($"bearer token file {path} is empty");
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"bearer token file {path} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException($"bearer token file {path} cannot be read: {e.Message}", e);
        }
    }

    private string CurrentToken()
    {
        var lastWriteUtc = File.GetLastWriteTimeUtc(_path);
        lock (_lock)
        {
            if (lastWriteUtc != _lastWriteUtc)
            {
                _token = Read(_path);
                _lastWriteUtc = lastWriteUtc;
            }

            return _token;
        }
    }
}
