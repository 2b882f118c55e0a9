namespace RightSizer.Testing.KubeApi;

/// <summary>How a <see cref="LocalKubeApiServer"/> behaves; the defaults are a 1.33 cluster with its controllers and nodes simulated.</summary>
public sealed record LocalKubeApiServerOptions
{
    /// <summary>The minor version /version reports (gitVersion v1.&lt;minor&gt;.0); 1.32, 1.33 and 1.35 are tested.</summary>
    public string Version { get; init; } = "1.33";

    /// <summary>Deployment → ReplicaSet → Pods, StatefulSet, DaemonSet, Job, CronJob and PDB status controllers.</summary>
    public bool SimulateControllers { get; init; } = true;

    /// <summary>Schedules pods onto Nodes, marks them Running and Ready, finishes graceful deletes, actuates resizes.</summary>
    public bool SimulateNodes { get; init; } = true;

    /// <summary>The clock for timestamps and ages (a FakeTimeProvider in tests that need fixed ages).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The source of uids and generated names.</summary>
    public Random? Random { get; init; }

    /// <summary>How many changes the watch history keeps; a watch from an older resourceVersion gets 410 Expired.</summary>
    public int WatchHistory { get; init; } = 100_000;

    /// <summary>
    /// Where a webhook's <c>clientConfig.service</c> (namespace, name, port, path) is reached; the default is the
    /// in-cluster name <c>https://name.namespace.svc:port/path</c>, which a test maps to its own listener.
    /// </summary>
    public Func<string, string, int, string, Uri> ResolveWebhookService { get; init; } =
        (ns, name, port, path) => new Uri($"https://{name}.{ns}.svc:{port}{path}");

    /// <summary>
    /// Where a webhook call's TCP connection goes, given the URL's host and port; null (or a null answer) dials the
    /// host. The URL and the TLS server name stay as resolved, as when the real API server dials a Service's endpoint
    /// and verifies <c>name.namespace.svc</c>, so a test can serve a certificate made for the in-cluster name.
    /// </summary>
    public Func<System.Net.DnsEndPoint, System.Net.EndPoint?>? DialWebhook { get; init; }

    /// <summary>How often a watch that allows bookmarks gets one (the real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);
}
