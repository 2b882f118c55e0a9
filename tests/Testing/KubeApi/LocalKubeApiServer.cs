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

    private LocalKubeApiServer(
        WebApplication app, string directory, ApiServerState state, ResourceWrites writes, NodeSimulator nodes, IReadOnlyList<IAsyncDisposable> simulators,
        Uri baseUrl, string caPem, string kubeconfigPath)
    {
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
        var simulators = new List<IAsyncDisposable> { nodes, new WorkloadSimulator(state, writes, deletes, options.SimulateControllers) };
        return new LocalKubeApiServer(app, directory, state, writes, nodes, simulators, baseUrl, caPem, kubeconfigPath);
    }

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
