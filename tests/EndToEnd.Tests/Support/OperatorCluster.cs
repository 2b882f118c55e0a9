using System.Text;
using RightSizer.Testing;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Tls;

namespace RightSizer.EndToEnd.Tests.Support;

/// <summary>
/// A cluster for end-to-end tests: the local API server (simulated controllers and one node), the webhook serving
/// certificate from a test CA, the real kubectl, and replicas of the real operator started as processes beside it,
/// authenticated as the service account of config/rbac so that their requests are told apart from kubectl's. The API
/// server reaches the webhook Service at a live replica's port. Disposing kills every replica, attaches their logs to
/// the test and removes everything.
/// </summary>
public sealed class OperatorCluster : IAsyncDisposable
{
    /// <summary>The namespace config/default installs into, and where the leader-election Lease lives.</summary>
    public const string SystemNamespace = "rightsizer-system";

    /// <summary>config/rbac's ServiceAccount after config/default's namePrefix: the operator's user.</summary>
    public const string OperatorUser = $"system:serviceaccount:{SystemNamespace}:rightsizer-controller-manager";

    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);
    private readonly List<OperatorProcess> _replicas;
    private readonly string _certDirectory;
    private readonly string _operatorKubeconfig;
    private int _started;

    private OperatorCluster(LocalKubeApiServer api, TestCertificateAuthority authority, string certDirectory, List<OperatorProcess> replicas)
    {
        Api = api;
        Authority = authority;
        _certDirectory = certDirectory;
        _replicas = replicas;
        _operatorKubeconfig = api.AddUser(OperatorUser);
        Kubectl = new Kubectl(api);
    }

    public LocalKubeApiServer Api { get; }

    public Kubectl Kubectl { get; }

    /// <summary>The CA that signed the webhook serving certificate: what the webhook configurations' caBundle must hold.</summary>
    public TestCertificateAuthority Authority { get; }

    /// <summary>The replicas started so far, killed ones included, in start order.</summary>
    public IReadOnlyList<OperatorProcess> Replicas
    {
        get
        {
            lock (_replicas)
            {
                return [.. _replicas];
            }
        }
    }

    /// <summary>What the operator's replicas asked the API server, as RBAC names it.</summary>
    public IReadOnlyList<ApiRequestRecord> OperatorRequests => Api.RequestsBy(OperatorUser);

    /// <summary>Starts the API server (of <paramref name="version"/>, with node <c>node-1</c>) and issues the webhook certificate.</summary>
    public static async Task<OperatorCluster> StartAsync(string version = "1.33", CancellationToken cancellationToken = default)
    {
        var authority = new TestCertificateAuthority("rightsizer-e2e");
        var certDirectory = Directory.CreateTempSubdirectory("rightsizer-e2e-certs-").FullName;
        authority.IssueServing(certDirectory, "rightsizer-webhook-service.rightsizer-system.svc");
        var replicas = new List<OperatorProcess>();
        var api = await LocalKubeApiServer.StartAsync(
            new LocalKubeApiServerOptions
            {
                Version = version,
                // The URL and the name the certificate must carry stay the Service's (name.namespace.svc); only the
                // connection goes to a live replica's port.
                DialWebhook = _ => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, LiveWebhookPort(replicas)),
            },
            cancellationToken);
        api.Nodes.AddNode("node-1", "16Gi", "8");
        return new OperatorCluster(api, authority, certDirectory, replicas);
    }

    /// <summary>
    /// <c>kubectl apply -k config/default</c> as committed (it creates its namespace), then the CA put into both webhook
    /// configurations' caBundle, as cert-manager's injector or an administrator does.
    /// </summary>
    /// <returns>kubectl's results, in order: the apply, the two caBundle patches.</returns>
    public async Task<IReadOnlyList<KubectlResult>> InstallAsync() =>
        [await Kubectl.RunAsync("apply", "-k", RepositoryRoot.File("config", "default")), .. await TrustWebhookCertificateAsync()];

    /// <summary>
    /// Puts <see cref="Authority"/>'s CA into both webhook configurations' caBundle: in a cluster the operator's
    /// bootstrap certificate or cert-manager's injector does this; here the replicas serve the test CA's certificate.
    /// </summary>
    /// <returns>kubectl's results of the two patches.</returns>
    public async Task<IReadOnlyList<KubectlResult>> TrustWebhookCertificateAsync()
    {
        var results = new List<KubectlResult>();
        var caBundle = Convert.ToBase64String(Encoding.UTF8.GetBytes(Authority.CertificatePem));
        var patch = $$"""[{"op":"add","path":"/webhooks/0/clientConfig/caBundle","value":"{{caBundle}}"}]""";
        foreach (var configuration in new[] { "mutatingwebhookconfiguration/rightsizer-mutating-webhook-configuration", "validatingwebhookconfiguration/rightsizer-validating-webhook-configuration" })
        {
            results.Add(await Kubectl.RunAsync("patch", configuration, "--type=json", "-p", patch));
        }

        return results;
    }

    /// <summary>
    /// Starts a replica against <paramref name="prometheus"/> and waits until /readyz answers 200. With
    /// <paramref name="leaderElect"/> it competes for the Lease in <see cref="SystemNamespace"/>.
    /// </summary>
    /// <param name="arguments">Further flags, e.g. <c>--recommendation-interval=2m</c> (the default here is 1m, the shortest accepted).</param>
    public async Task<OperatorProcess> StartOperatorAsync(Uri prometheus, bool leaderElect = false, IEnumerable<string>? arguments = null, CancellationToken cancellationToken = default)
    {
        var flags = new List<string>
        {
            $"--kubeconfig={_operatorKubeconfig}",
            $"--prometheus-url={prometheus}",
            $"--webhook-cert-dir={_certDirectory}",
        };
        var extra = arguments?.ToList() ?? [];
        if (!extra.Any(a => a.StartsWith("--recommendation-interval", StringComparison.Ordinal)))
        {
            flags.Add("--recommendation-interval=1m");
        }

        if (leaderElect)
        {
            flags.AddRange(["--leader-elect", $"--leader-election-namespace={SystemNamespace}"]);
        }

        var name = $"operator-{Interlocked.Increment(ref _started)}";
        var replica = await OperatorProcess.StartAsync(name, [.. flags, .. extra], cancellationToken);
        lock (_replicas)
        {
            _replicas.Add(replica);
        }

        using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ready.CancelAfter(ReadyDeadline);
        await replica.WaitReadyAsync(ready.Token);
        return replica;
    }

    /// <summary>Creates namespaces with <c>kubectl apply</c> (kubectl's <c>create namespace</c> sends protobuf, which the local server does not read).</summary>
    public Task<KubectlResult> CreateNamespacesAsync(params string[] names) =>
        Kubectl.RunWithInputAsync(
            string.Join("---\n", names.Select(n => $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {n}}}\n")),
            "apply", "-f", "-");

    /// <summary>Polls <paramref name="condition"/> every 200 ms until it holds; fails with <paramref name="what"/> and the operators' logs after <paramref name="deadline"/>.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > deadline)
            {
                Assert.Fail($"{what}: not met within {deadline.TotalSeconds:0}s\n{LogTail(60)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The last lines of every replica's log, for failure messages.</summary>
    public string LogTail(int lines) => string.Join(
        '\n',
        Replicas.Select(r => $"--- {r.Name} (last {lines} lines)\n" + string.Join('\n', r.Output.Split('\n').TakeLast(lines))));

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
            var log = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.MethodName}-{replica.Name}.log");
            await File.WriteAllTextAsync(log, replica.Output);
            TestContext.AddTestAttachment(log, $"log of {replica.Name}");
        }

        // Shown by the test runner for failed tests only.
        await TestContext.Out.WriteLineAsync(LogTail(200));
        await Api.DisposeAsync();
        Authority.Dispose();
        Directory.Delete(_certDirectory, recursive: true);
    }

    private static int LiveWebhookPort(List<OperatorProcess> replicas)
    {
        lock (replicas)
        {
            // Port 1 refuses the connection: with no replica running the call fails, as with no endpoints behind the Service.
            return replicas.FirstOrDefault(r => !r.HasExited)?.WebhookPort ?? 1;
        }
    }
}
