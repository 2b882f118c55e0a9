using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightSizer.Testing.KubeApi.Faults;
using RightSizer.Testing.KubeApi.Hosting;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;
using RightSizer.Testing.KubeApi.Semantics.Yaml;
using RightSizer.Testing.KubeApi.Simulation;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Testing.KubeApi;

/// <summary>
/// A Kubernetes API server for tests: HTTPS on 127.0.0.1 with a test CA and a bearer token, the state in memory,
/// controllers and kubelets simulated. The real kubectl and KubernetesClient talk to it through <see cref="KubeconfigPath"/>.
/// </summary>
public sealed class LocalKubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly ApiServerState _state;
    private readonly ResourceWrites _writes;
    private readonly IReadOnlyList<IAsyncDisposable> _simulators;
    private readonly CronJobController _cronJobs;

    private LocalKubeApiServer(
        WebApplication app, string directory, ApiServerState state, ResourceWrites writes, NodeSimulator nodes, CronJobController cronJobs,
        IReadOnlyList<IAsyncDisposable> simulators, Uri baseUrl, string caPem, string kubeconfigPath)
    {
        _cronJobs = cronJobs;
        _app = app;
        _directory = directory;
        _state = state;
        _writes = writes;
        Nodes = nodes;
        _simulators = simulators;
        BaseUrl = baseUrl;
        CaCertificatePem = caPem;
        KubeconfigPath = kubeconfigPath;
    }

    /// <summary>https://127.0.0.1:&lt;port&gt;</summary>
    public Uri BaseUrl { get; }

    public string KubeconfigPath { get; }

    public string CaCertificatePem { get; }

    public ApiFaults Faults => _state.Faults;

    /// <summary>Every resource request served, as RBAC names it.</summary>
    public IReadOnlyCollection<ApiRequestRecord> Requests => _state.Requests;

    /// <summary>The resource requests sent with <paramref name="user"/>'s token (see <see cref="AddUser"/>), in order.</summary>
    public IReadOnlyList<ApiRequestRecord> RequestsBy(string user) => _state.RequestsBy(user);

    /// <summary>Every pods/eviction request answered, in order, with the pod's name and the status code.</summary>
    public IReadOnlyList<EvictionRecord> Evictions => _state.Evictions;

    public NodeSimulator Nodes { get; }

    /// <summary>The number of watch streams open now.</summary>
    public int OpenWatches => _state.Store.OpenWatches;

    public static async Task<LocalKubeApiServer> StartAsync(LocalKubeApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalKubeApiServerOptions();
        var directory = Directory.CreateTempSubdirectory("kube-apiserver-").FullName;
        var certificates = TestCertificates.Create(directory, "kube-apiserver");
        var certificate = X509Certificate2.CreateFromPemFile(certificates.CertFile, certificates.KeyFile);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

        var state = new ApiServerState(options);
        var admission = new AdmissionChain(state.Store, new HttpsWebhookCaller(options.ResolveWebhookService, options.DialWebhook), () => state.NewUid().ToString());
        var writes = new ResourceWrites(state, new SemanticPatcher(), admission);
        var deletes = new ResourceDeletes(state);
        var router = new ApiRouter(state, token, writes, deletes, new EvictionHandler(state, deletes).HandleAsync);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        app.Run(router.InvokeAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var caPem = await File.ReadAllTextAsync(certificates.CaFile, cancellationToken);
        var kubeconfigPath = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfigPath, Kubeconfig.Render(baseUrl, caPem, token), cancellationToken);

        foreach (var ns in BuiltInResources.InitialNamespaces)
        {
            await writes.CreateAsync(PathOf(state, "v1", "Namespace", ""), new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteOptions.Internal("kube-apiserver"), [], cancellationToken);
        }

        var nodes = new NodeSimulator(state, options.SimulateNodes);
        var cronJobs = new CronJobController(state, writes);
        var controllers = new ControllerManager(state.Store, [
            new DeploymentController(state, writes),
            new ReplicaSetController(state, writes, deletes),
            new StatefulSetController(state, writes, deletes),
            new DaemonSetController(state, writes, deletes),
            new JobController(state, writes, deletes),
            cronJobs,
            new DisruptionBudgetController(state),
        ], options.SimulateControllers);
        return new LocalKubeApiServer(app, directory, state, writes, nodes, cronJobs, [nodes, controllers], baseUrl, caPem, kubeconfigPath);
    }

    /// <summary>
    /// Gives <paramref name="user"/> (e.g. <c>system:serviceaccount:ns:name</c>) a bearer token of its own and writes a
    /// kubeconfig that uses it; its requests are then told apart in <see cref="RequestsBy"/>. There is no authorization:
    /// the user may do everything, and a test compares what it did with the RBAC it should have.
    /// </summary>
    /// <returns>The path of the user's kubeconfig.</returns>
    public string AddUser(string user)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _state.Users[token] = user;
        var path = Path.Combine(_directory, $"kubeconfig-{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(user)).ToLowerInvariant()}");
        File.WriteAllText(path, Kubeconfig.Render(BaseUrl, CaCertificatePem, token));
        return path;
    }

    /// <summary>
    /// Runs a CronJob now, as its schedule would (the CronJob controller has no clock here): creates its Job, named
    /// <c>&lt;cronjob&gt;-&lt;minutes since the epoch&gt;</c>, and returns that name.
    /// </summary>
    public Task<string> TriggerCronJobAsync(string ns, string name, CancellationToken cancellationToken = default) =>
        _cronJobs.TriggerAsync(ns, name, cancellationToken);

    /// <summary>A KubernetesClient configured from <see cref="KubeconfigPath"/>.</summary>
    public IKubernetes CreateClient() => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    /// <summary>Creates (or replaces) every object of a YAML file or of the YAML files of a directory, read as kubectl reads YAML.</summary>
    public async Task ApplyAsync(string yamlFileOrDirectory, CancellationToken cancellationToken = default)
    {
        IEnumerable<string> files = Directory.Exists(yamlFileOrDirectory)
            ? Directory.GetFiles(yamlFileOrDirectory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [yamlFileOrDirectory];
        foreach (var file in files)
        {
            foreach (var obj in KubeYaml.ReadObjects(await File.ReadAllTextAsync(file, cancellationToken)))
            {
                await ApplyAsync(obj, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }

        _state.Faults.DropWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ApplyAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        var ns = ObjectMeta.Namespace(obj) is { Length: > 0 } given ? given : "default";
        var path = PathOf(_state, obj["apiVersion"]?.ToString() ?? "", obj["kind"]?.ToString() ?? "", ns) with { Name = ObjectMeta.Name(obj) };
        var existing = _state.Store.Get(path.Type, path.Namespace, path.Name);
        var typed = RequestBody.AsObjectOf(obj, path.Type);
        if (existing is null)
        {
            await _writes.CreateAsync(path with { Name = "" }, typed, WriteOptions.Internal("rightsizer-tests"), [], cancellationToken);
        }
        else
        {
            await _writes.UpdateAsync(path, existing, typed, ObjectMeta.ResourceVersion(existing), WriteOptions.Internal("rightsizer-tests"), [], cancellationToken);
        }
    }

    private static ApiPath PathOf(ApiServerState state, string apiVersion, string kind, string ns)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var type = state.Catalog.FindKind(group, version, kind)
            ?? throw new ApiStatusException(StatusErrors.BadRequest($"no matches for kind \"{kind}\" in version \"{apiVersion}\""));
        return new ApiPath(type, type.Namespaced ? ns : "", "", "");
    }
}
