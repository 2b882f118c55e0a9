using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Which of the host's listeners a request came in on (probes, metrics, webhooks), stamped on each connection so that
/// an endpoint answers only on its own port, even when the ports are picked at run time (port 0).
/// </summary>
public static class ListenerRole
{
    public const string Probes = "probes";
    public const string Metrics = "metrics";
    public const string Webhooks = "webhooks";

    private const string Key = "rightsizer.listener";

    public static ListenOptions Tag(this ListenOptions listen, string role)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            connection.Items[Key] = role;
            return next(connection);
        });
        return listen;
    }

    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(Key, out var role) == true ? role as string : null;
    }
}
