using System.Threading.Channels;

namespace RightSizer.Benchmarks;

/// <summary>One open watch: a reader that stamps each event line with the time it arrived, for the fan-out measurement.</summary>
internal sealed class WatchStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<long> _arrivals = Channel.CreateUnbounded<long>();
    private readonly CancellationTokenSource _stop = new();

    private WatchStream(HttpResponseMessage response) => _response = response;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var watch = new WatchStream(response);
        _ = Task.Run(() => watch.ReadAsync());
        return watch;
    }

    /// <summary>The arrival timestamp (TimeProvider.System ticks) of the next event not yet taken.</summary>
    public async Task<long> NextEventAsync() => await _arrivals.Reader.ReadAsync(_stop.Token);

    public void Dispose()
    {
        _stop.Cancel();
        _response.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!line.StartsWith("{\"type\":\"BOOKMARK\"", StringComparison.Ordinal))
                {
                    _arrivals.Writer.TryWrite(TimeProvider.System.GetTimestamp());
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed at the end of the run.
        }
    }
}
