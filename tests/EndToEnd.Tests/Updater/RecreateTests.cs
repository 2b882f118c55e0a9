using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Prometheus;
using static RightSizer.EndToEnd.Tests.Updater.UpdaterWorkloads;

namespace RightSizer.EndToEnd.Tests.Updater;

/// <summary>
/// A policy switched from Off to Recreate evicts the Deployment's drifted pods through the Eviction API one at a
/// time: the PodDisruptionBudget refuses the second eviction until its status allows one again (the test stands in
/// for the disruption controller through /status), and the replacements come back through the webhook with the
/// recommended memory. Events say what happened.
/// </summary>
public sealed class RecreateTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h.Deployment(Namespace, "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task SwitchToRecreate_PdbAllowsOne_EvictedOneAtATimeAndReplacedWithRecommendation()
    {
        await using var cluster = await OperatorCluster.StartAsync("1.33");
        var kubectl = cluster.Kubectl;
        var client = cluster.Api.CreateClient();
        Assert.That((await cluster.InstallAsync()).Select(r => r.ExitCode), Is.All.Zero);
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);
        await cluster.CreateNamespacesAsync(Namespace);
        await kubectl.RunWithInputAsync(Deployment("web", 2), "apply", "-f", "-");
        await kubectl.RunWithInputAsync(Budget, "apply", "-f", "-");
        await AllowOneDisruptionAsync(kubectl);
        await kubectl.RunWithInputAsync(Policy("web", "\"Off\""), "apply", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "-n", Namespace, "--timeout=60s");
        Assert.That(ready.ExitCode, Is.Zero, ready + cluster.LogTail(60));
        var recommended = await RecommendationAsync(kubectl, "web");
        var originals = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();

        var switched = await kubectl.RunAsync("patch", "memorypolicy", "web", "-n", Namespace, "--type=merge", "-p", """{"spec":{"mode":"Recreate"}}""");
        await cluster.WaitUntilAsync(() => Task.FromResult(cluster.Api.Evictions.Any(e => e.Code == 201)), Deadline, "a first pod evicted");
        await cluster.WaitUntilAsync(() => Task.FromResult(cluster.Api.Evictions.Any(e => e.Code == 429)), Deadline, "the next eviction refused by the budget");
        var whileHeld = cluster.Api.Evictions.ToList();
        var podsWhileHeld = await PodsAsync(client, "web");
        await AllowOneDisruptionAsync(kubectl);
        await cluster.WaitUntilAsync(
            async () => await PodsAsync(client, "web") is { Count: 2 } pods && pods.All(p => IsReady(p) && HasMemory(p, recommended)),
            Deadline,
            "both pods replaced with the recommendation");
        var evicted = cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod).ToList();
        var events = await PolicyEventsAsync(client, "web");
        var annotations = (await PodsAsync(client, "web")).Select(p => p.Metadata.Annotations is { } a && a.TryGetValue("rightsizer.io/applied", out var applied) ? applied : null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(switched.ExitCode, Is.Zero, switched.ToString());
            Assert.That(whileHeld.Count(e => e.Code == 201), Is.EqualTo(1), "one eviction while the budget allowed one");
            Assert.That(podsWhileHeld.Count(p => HasMemory(p, recommended)), Is.EqualTo(1), "the first replacement came back sized while the second waited");
            Assert.That(evicted, Is.EquivalentTo(originals), "each original pod evicted exactly once");
            Assert.That(whileHeld.First(e => e.Code == 429).Pod, Is.EqualTo(evicted[1]), "the refused pod is the one evicted once the budget allowed it");
            Assert.That(annotations, Is.All.EqualTo("web@2"), "replacements sized by the webhook from the policy as switched (generation 2)");
            Assert.That(events, Does.Contain("Evicted").And.Contain("EvictionRefused"), string.Join(", ", events));
            Assert.That(events.Count(e => e == "Evicted"), Is.EqualTo(2), string.Join(", ", events));
        });
    }

    private const string Budget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: web}}
        """;

    /// <summary>Stands in for the disruption controller: two healthy pods, one may go.</summary>
    private static async Task AllowOneDisruptionAsync(Kubectl kubectl)
    {
        var result = await kubectl.RunAsync("patch", "pdb", "web", "-n", Namespace, "--subresource=status", "--type=merge", "-p",
            """{"status":{"observedGeneration":1,"disruptionsAllowed":1,"currentHealthy":2,"desiredHealthy":1,"expectedPods":2}}""");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
