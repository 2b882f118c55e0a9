using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RightSizer.Operator.Hosting;

/// <summary>The host's listeners by role; after start each holds the port actually bound (useful with port 0).</summary>
public sealed class OperatorEndpoints
{
    private readonly Dictionary<string, ListenOptions> _listeners = new(StringComparer.Ordinal);

    public void Add(string role, ListenOptions listen) => _listeners[role] = listen;

    /// <summary>The bound port of a role's listener, or null when that listener is disabled.</summary>
    public int? Port(string role) => _listeners.TryGetValue(role, out var listen) ? listen.IPEndPoint?.Port : null;
}
