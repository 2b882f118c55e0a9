using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A server program a fixture starts (Prometheus, VictoriaMetrics, the operator): its output kept for error messages
/// and for lines a test waits on, polled over HTTP until it answers as expected, killed with its children on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Everything the program wrote to stdout and stderr so far, one line each.</summary>
    public string Output => Log();

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static ServerProcess Start(string binary, string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start"), name);
    }

    /// <summary>The program on the PATH (or in /usr/bin), or an error that says how to install it.</summary>
    public static string FindTool(string name, string missing)
    {
        var candidates = new[] { $"/usr/bin/{name}" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Where(dir => dir.Length > 0).Select(dir => Path.Combine(dir, name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} not found: {missing}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="url"/> until a successful answer whose body <paramref name="ready"/> accepts.</summary>
    public async Task WaitUntilAsync(HttpClient http, Uri url, Func<string, bool> ready, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before {url} answered as expected:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode && ready(await response.Content.ReadAsStringAsync(cancellationToken)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: poll again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"{_name} did not answer {url} as expected within {ReadyDeadline.TotalSeconds:0}s:\n{Log()}");
    }

    /// <summary>The first output line <paramref name="match"/> accepts, waiting for it until the deadline or the program's exit.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var exited = _process.HasExited;
            if (Log().Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (exited)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before writing the line waited for:\n{Log()}");
            }

            if (elapsed.Elapsed > deadline)
            {
                throw new TimeoutException($"{_name} did not write the line waited for within {deadline.TotalSeconds:0}s:\n{Log()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Kills the program at once (SIGKILL, no shutdown) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
