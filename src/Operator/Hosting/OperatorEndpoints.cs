using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RightSizer.Operator.Hosting;

/// <summary>The host's listeners by role; after start each holds the port actually bound (useful with port 0).</summary>
public sealed partial class OperatorEndpoints
{
    private readonly Dictionary<string, ListenOptions> _listeners = new(StringComparer.Ordinal);

    public void Add(string role, ListenOptions listen) => _listeners[role] = listen;

    /// <summary>The bound port of a role's listener, or null when that listener is disabled.</summary>
    public int? Port(string role) => _listeners.TryGetValue(role, out var listen) ? listen.IPEndPoint?.Port : null;

    /// <summary>
    /// Logs each listener's bound address once the host has started, so that whoever started it with port 0 (a test,
    /// a local run) learns the real ports from the log.
    /// </summary>
    public void LogBound(ILogger logger)
    {
        foreach (var (role, listen) in _listeners.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (listen.IPEndPoint is { } endpoint)
            {
                LogListening(logger, role, endpoint.ToString());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for {Role} on {Address}")]
    private static partial void LogListening(ILogger logger, string role, string address);
}
