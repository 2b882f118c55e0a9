using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightSizer.Operator.Tests.Cli.Report;

/// <summary>
/// Debian's chromium, headless, driven through the DevTools protocol over its WebSocket: one page, its console
/// errors and exceptions collected, JavaScript evaluated, real mouse clicks dispatched, screenshots taken. Started
/// with a fresh profile and every background network feature off, on a debugging port the system picks.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private readonly List<string> _errors = [];
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private string _session = string.Empty;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public const string Executable = "/usr/bin/chromium";

    /// <summary>Console errors, uncaught exceptions and error log entries seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<HeadlessChromium> StartAsync(int width, int height)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} not found: scripts/install-test-deps.sh installs Debian's chromium.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "rightsizer-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", $"--window-size={width},{height}", "about:blank",
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        string? endpoint = null;
        while (endpoint is null && await process.StandardError.ReadLineAsync() is { } line)
        {
            var match = DevToolsLine().Match(line);
            endpoint = match.Success ? match.Groups[1].Value : null;
        }

        if (endpoint is null)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(profile, recursive: true);
            throw new InvalidOperationException("chromium exited before it printed its DevTools endpoint");
        }

        _ = process.StandardError.ReadToEndAsync();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(new Uri(endpoint));
        }
        catch
        {
            // A browser that never got a page must not outlive the test run.
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    private async Task ConnectAsync(Uri endpoint)
    {
        await _socket.ConnectAsync(endpoint, _stop.Token);
        _reader = Task.Run(ReadAsync);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, session: false);
        _session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable");
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates an expression in the page and returns its value (JSON-serializable values only).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("page script failed: " + exception.ToJsonString());
        }

        return result["result"]!["value"];
    }

    /// <summary>A real left click (press and release) at a point of the viewport.</summary>
    public async Task ClickAsync(double x, double y)
    {
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type,
                ["x"] = x,
                ["y"] = y,
                ["button"] = "left",
                ["clickCount"] = 1,
            });
        }
    }

    public async Task<byte[]> ScreenshotAsync(double width, double height)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        });
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null, bool session = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session)
        {
            message["sessionId"] = _session;
        }

        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(JsonNode.Parse(message.ToArray())!);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("the DevTools connection closed", e));
            }
        }
    }

    private void Dispatch(JsonNode message)
    {
        if (message["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
        {
            if (message["error"] is { } error)
            {
                reply.TrySetException(new InvalidOperationException("DevTools error: " + error.ToJsonString()));
            }
            else
            {
                reply.TrySetResult(message["result"]!);
            }

            return;
        }

        var parameters = message["params"];
        var method = message["method"]?.GetValue<string>();
        var consoleType = parameters is JsonObject p1 && p1["type"] is JsonValue type ? type.GetValue<string>() : null;
        var logLevel = parameters is JsonObject p2 && p2["entry"] is JsonObject entry && entry["level"] is JsonValue level ? level.GetValue<string>() : null;
        if (method == "Page.loadEventFired")
        {
            _loaded.TrySetResult();
        }
        else if (method == "Runtime.exceptionThrown")
        {
            AddError("exception: " + parameters!["exceptionDetails"]?.ToJsonString());
        }
        else if (method == "Runtime.consoleAPICalled" && consoleType is "error" or "assert")
        {
            AddError("console: " + parameters!["args"]?.ToJsonString());
        }
        else if (method == "Log.entryAdded" && logLevel == "error")
        {
            AddError("log: " + parameters!["entry"]!["text"]?.ToJsonString());
        }
    }

    private void AddError(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Browser.close ends every chromium process; killing the launcher alone can leave its children running.
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await SendAsync("Browser.close", session: false).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException)
            {
                // The connection closing is the answer when the browser exits first.
            }
        }

        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _stop.Dispose();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        Directory.Delete(_profile, recursive: true);
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
