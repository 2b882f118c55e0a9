using RightSizer.Operator.Tests.Export;
using RightSizer.Testing.KubeApi;
using YamlDotNet.Serialization;

namespace RightSizer.Operator.Tests.Cli;

/// <summary>
/// <c>rightsizer export</c> from the cluster: MemoryPolicies in the local API server with their status written through
/// <c>/status</c>, read with kubectl's conventions, rendered by the real <c>kubectl kustomize</c>.
/// </summary>
public sealed class ExportClusterTests
{
    private static LocalKubeApiServer _server = null!;
    private static string _folder = "";
    private string _overlay = "";

    private static string Base => Path.Combine(_folder, "base");

    /// <summary>A copy of the server's kubeconfig whose current context's namespace is <c>shop</c>, plus a context <c>other</c>.</summary>
    private static string ShopKubeconfig => Path.Combine(_folder, "kubeconfig");

    [OneTimeSetUp]
    public static async Task StartCluster()
    {
        _folder = Directory.CreateTempSubdirectory("rightsizer-export-cluster-").FullName;
        _server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var kubectl = new Kubectl(_server);
        await Succeed(kubectl.RunAsync("apply", "-f", RepositoryRoot.File("config", "crds", "rightsizer.io_memorypolicies.yaml")));
        await Succeed(kubectl.RunWithInputAsync("""
            {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
            ---
            {apiVersion: v1, kind: Namespace, metadata: {name: other}}
            ---
            {apiVersion: v1, kind: Namespace, metadata: {name: empty}}
            ---
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: web, namespace: shop}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            ---
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: pods, namespace: shop}
            spec:
              selector: {matchLabels: {tier: batch}}
            ---
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: api, namespace: other}
            spec:
              targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: api}
            """, "apply", "-f", "-"));
        await Succeed(kubectl.RunAsync("patch", "memorypolicy", "web", "-n", "shop", "--subresource=status", "--type=merge", "-p",
            """{"status":{"observedGeneration":1,"recommendations":[{"containerName":"app","request":"300Mi","limit":"600Mi","samples":4032,"windowCovered":"14d","confidence":0.9}]}}"""));
        await Succeed(kubectl.RunAsync("patch", "memorypolicy", "api", "-n", "other", "--subresource=status", "--type=merge", "-p",
            """{"status":{"observedGeneration":1,"recommendations":[{"containerName":"api","request":"200Mi","limit":"400Mi"}]}}"""));

        File.Copy(_server.KubeconfigPath, ShopKubeconfig);
        var (_, current, _) = await ExternalProcess.RunAsync(ExternalProcess.Kubectl, ["config", "--kubeconfig", ShopKubeconfig, "view", "-o", "jsonpath={.contexts[0].context.cluster} {.contexts[0].context.user}"]);
        var parts = current.Split(' ');
        await Succeed(ExternalProcess.RunAsync(ExternalProcess.Kubectl, ["config", "--kubeconfig", ShopKubeconfig, "set-context", "--current", "--namespace=shop"]));
        await Succeed(ExternalProcess.RunAsync(ExternalProcess.Kubectl, ["config", "--kubeconfig", ShopKubeconfig, "set-context", "other", $"--cluster={parts[0]}", $"--user={parts[1]}", "--namespace=other"]));

        Directory.CreateDirectory(Base);
        await File.WriteAllTextAsync(Path.Combine(Base, "kustomization.yaml"), "resources:\n  - workloads.yaml\n");
        await File.WriteAllTextAsync(Path.Combine(Base, "workloads.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: app
                      image: registry.example/web:1
                      resources: {requests: {cpu: 100m}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: api, namespace: other}
            spec:
              serviceName: api
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                    - name: api
                      image: registry.example/api:1
            """);
    }

    [OneTimeTearDown]
    public static async Task StopCluster()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SetUp]
    public void NewOverlay() => _overlay = Path.Combine(_folder, "overlay-" + Guid.NewGuid().ToString("N"));

    [Test]
    public async Task Export_ClusterContextNamespace_KustomizeRendersStatusMemoryAndSecondRunChangesNothing()
    {
        string[] args = ["export", "--kubeconfig", ShopKubeconfig, "--format", "kustomize", "--base", Base, "--out", _overlay];
        var (exit, _, error) = await CliRun.RunAsync(args);
        TestContext.Out.WriteLine("DOCS-STDERR<<" + error + ">>");
        TestContext.Out.WriteLine("DOCS-FILES<<" + string.Join("\n=====\n", Directory.EnumerateFiles(_overlay).Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f))) + ">>");
        var rendered = await RenderAsync(_overlay);
        var first = Snapshot(_overlay);
        var (again, _, secondError) = await CliRun.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(Patched(rendered), Is.EqualTo(new[] { "web" }), "the context's namespace (shop) only");
            Assert.That(rendered["web"], Is.EqualTo("limits memory=600Mi; requests cpu=100m memory=300Mi"));
            Assert.That(error, Does.Contain("MemoryPolicy shop/pods: a selector policy names no single workload to patch"));
            Assert.That(again, Is.Zero, secondError);
            Assert.That(secondError, Does.EndWith("; 0 files changed in " + _overlay + "\n"));
            Assert.That(Snapshot(_overlay), Is.EqualTo(first));
        });
    }

    [TestCase(new[] { "-A" }, new[] { "api", "web" }, TestName = "Export_ClusterAllNamespaces_EveryPolicysWorkload")]
    [TestCase(new[] { "-n", "other" }, new[] { "api" }, TestName = "Export_ClusterNamespaceFlag_OnlyThatNamespace")]
    [TestCase(new[] { "--context", "other" }, new[] { "api" }, TestName = "Export_ClusterContext_ThatContextsNamespace")]
    public async Task Export_ClusterScope_RendersThoseWorkloads(string[] scope, string[] workloads)
    {
        var (exit, _, error) = await CliRun.RunAsync(["export", "--kubeconfig", ShopKubeconfig, .. scope, "--format", "kustomize", "--base", Base, "--out", _overlay]);
        Assert.That(exit, Is.Zero, error);

        var rendered = await RenderAsync(_overlay);

        Assert.That(Patched(rendered), Is.EqualTo(workloads));
        if (workloads.Contains("api"))
        {
            Assert.That(rendered["api"], Is.EqualTo("limits memory=400Mi; requests memory=200Mi"));
        }
    }

    [Test]
    public async Task Export_ClusterHelmValues_StatusValuesOnStdout()
    {
        var (exit, output, error) = await CliRun.RunAsync("export", "--kubeconfig", ShopKubeconfig, "-n", "shop", "--format", "helm-values");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("300Mi"));
            Assert.That(output, Does.Contain("600Mi"));
        });
    }

    [Test]
    public async Task Report_ClusterAllNamespaces_StatusValuesWithoutUsageBand()
    {
        var file = Path.Combine(_folder, $"report-{Guid.NewGuid():N}.html");

        var (exit, _, error) = await CliRun.RunAsync("report", "--kubeconfig", ShopKubeconfig, "-A", "--base", Base, "--out", file);

        var html = await File.ReadAllTextAsync(file);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(error, Does.StartWith("2 containers; wrote " + file));
            Assert.That(html, Does.Contain("Deployment/web").And.Contain("StatefulSet/api"));
            Assert.That(html, Does.Contain("300Mi").And.Contain("600Mi").And.Contain("200Mi"));
            Assert.That(html, Does.Contain("MemoryPolicy status in the cluster"));
            Assert.That(html, Does.Not.Contain("class=\"usage\""), "the status holds no series to draw");
        });
    }

    [Test]
    public async Task Export_ClusterNoPolicies_InputErrorNamesTheNamespace()
    {
        var (exit, _, error) = await CliRun.RunAsync("export", "--kubeconfig", ShopKubeconfig, "-n", "empty", "--format", "helm-values");

        Assert.That((exit, error), Is.EqualTo((1, "error: no MemoryPolicies in namespace empty (-A reads every namespace)\n")));
    }

    [Test]
    public async Task Export_ClusterCrdMissing_InputErrorSaysHowToInstall()
    {
        await using var bare = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });

        var (exit, _, error) = await CliRun.RunAsync("export", "--kubeconfig", bare.KubeconfigPath, "--format", "helm-values");

        Assert.That(exit, Is.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"error: the MemoryPolicy CRD is not installed at {bare.BaseUrl.ToString().TrimEnd('/')}"));
        Assert.That(error, Does.EndWith("not found); kubectl apply -k config/default installs it\n"));
    }

    [Test]
    public async Task Export_ClusterUnreachable_ExitTwoNamesTheServer()
    {
        var kubeconfig = Path.Combine(_folder, "unreachable");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters: [{name: none, cluster: {server: "http://127.0.0.1:1"}}]
            users: [{name: none, user: {token: unused}}]
            contexts: [{name: none, context: {cluster: none, user: none}}]
            current-context: none
            """);

        var (exit, _, error) = await CliRun.RunAsync("export", "--kubeconfig", kubeconfig, "--format", "helm-values");

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith("error: cannot reach the API server at http://127.0.0.1:1"));
    }

    [TestCase(new[] { "--kubeconfig", "/nonexistent/kubeconfig" }, "error: --kubeconfig '/nonexistent/kubeconfig': file not found\n", TestName = "Export_ClusterKubeconfigMissing_InputError")]
    [TestCase(new[] { "--context", "nope" }, "error: kubeconfig {kubeconfig}: ", TestName = "Export_ClusterUnknownContext_InputError")]
    [TestCase(new[] { "-A", "-n", "shop" }, "error: --all-namespaces and --namespace: give one of them\n", TestName = "Export_ClusterAllAndNamespace_InputError")]
    [TestCase(new[] { "-A", "--history", "h.csv" }, "error: --kubeconfig, --context and -A read the cluster; leave out --history and --prometheus-url\n", TestName = "Export_ClusterAndLiveSource_InputError")]
    public async Task Export_ClusterBadFlags_OneClearError(string[] flags, string expected)
    {
        string[] args = flags.Contains("--kubeconfig") ? ["export", .. flags, "--format", "helm-values"] : ["export", "--kubeconfig", ShopKubeconfig, .. flags, "--format", "helm-values"];

        var (exit, _, error) = await CliRun.RunAsync(args);

        Assert.That(exit, Is.EqualTo(1), error);
        Assert.That(error, Does.StartWith(expected.Replace("{kubeconfig}", ShopKubeconfig, StringComparison.Ordinal)));
    }

    /// <summary>Each rendered workload's first container's memory (and CPU), as one line.</summary>
    private static async Task<Dictionary<string, string>> RenderAsync(string folder)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync(ExternalProcess.Kubectl, ["kustomize", folder]);
        Assert.That(exit, Is.Zero, error);
        var deserializer = new DeserializerBuilder().Build();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in output.Split("\n---\n").Select(d => deserializer.Deserialize<Dictionary<object, object>>(d)))
        {
            var name = (string)Map(document, "metadata")["name"];
            var container = (Dictionary<object, object>)((List<object>)Map(Map(Map(document, "spec"), "template"), "spec")["containers"])[0];
            var resources = container.TryGetValue("resources", out var r) ? (Dictionary<object, object>)r : [];
            result[name] = string.Join("; ", resources.OrderBy(e => (string)e.Key, StringComparer.Ordinal).Select(e =>
                $"{e.Key} {string.Join(' ', ((Dictionary<object, object>)e.Value).OrderBy(v => (string)v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}"));
        }

        return result;
    }

    /// <summary>The workloads the overlay gave memory (the base gives none).</summary>
    private static List<string> Patched(Dictionary<string, string> rendered) =>
        [.. rendered.Where(w => w.Value.Contains("memory=", StringComparison.Ordinal)).Select(w => w.Key).Order(StringComparer.Ordinal)];

    private static Dictionary<object, object> Map(Dictionary<object, object> map, string key) => (Dictionary<object, object>)map[key];

    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)} {File.GetLastWriteTimeUtc(f).Ticks} {File.ReadAllText(f)}")];

    private static async Task Succeed(Task<KubectlResult> run)
    {
        var result = await run;
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    private static async Task Succeed(Task<(int ExitCode, string Output, string Error)> run)
    {
        var (exit, output, error) = await run;
        Assert.That(exit, Is.Zero, output + error);
    }
}
