using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.Prometheus;
using static RightSizer.EndToEnd.Tests.Updater.UpdaterWorkloads;

namespace RightSizer.EndToEnd.Tests.Updater;

/// <summary>
/// A policy switched from Off to Recreate evicts the Deployment's drifted pods through the Eviction API: while the
/// PodDisruptionBudget (minAvailable 2 of 2) allows no disruption every eviction is refused; once it allows one, the
/// pods go one at a time and the replacements come back through the webhook with the recommended memory. Events say
/// what happened.
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
    public async Task SwitchToRecreate_PdbHolds_RefusedThenEvictedOneAtATimeAndReplacedWithRecommendation()
    {
        await using var cluster = await OperatorCluster.StartAsync("1.33");
        var kubectl = cluster.Kubectl;
        var client = cluster.Api.CreateClient();
        Assert.That((await cluster.InstallAsync()).Select(r => r.ExitCode), Is.All.Zero);
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);
        await cluster.CreateNamespacesAsync(Namespace);
        await kubectl.RunWithInputAsync(Deployment("web", 2), "apply", "-f", "-");
        await kubectl.RunWithInputAsync(Budget, "apply", "-f", "-");
        await kubectl.RunWithInputAsync(Policy("web", "\"Off\""), "apply", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "-n", Namespace, "--timeout=60s");
        Assert.That(ready.ExitCode, Is.Zero, ready + cluster.LogTail(60));
        var recommended = await RecommendationAsync(kubectl, "web");
        var originals = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();

        var switched = await kubectl.RunAsync("patch", "memorypolicy", "web", "-n", Namespace, "--type=merge", "-p", """{"spec":{"mode":"Recreate"}}""");
        await cluster.WaitUntilAsync(() => Task.FromResult(cluster.Api.Evictions.Any(e => e.Code == 429)), Deadline, "an eviction refused by the budget (minAvailable 2 of 2)");
        var whileHeld = cluster.Api.Evictions.ToList();
        var podsWhileHeld = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();
        var relaxed = await kubectl.RunAsync("patch", "pdb", "web", "-n", Namespace, "--type=merge", "-p", """{"spec":{"minAvailable":1}}""");
        await cluster.WaitUntilAsync(
            async () => await PodsAsync(client, "web") is { Count: 2 } pods && pods.All(p => IsReady(p) && HasMemory(p, recommended)),
            Deadline,
            "both pods replaced with the recommendation");
        var evicted = cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod).ToList();
        var replacements = await PodsAsync(client, "web");
        var events = await PolicyEventsAsync(client, "web");

        Assert.Multiple(() =>
        {
            Assert.That((switched.ExitCode, relaxed.ExitCode), Is.EqualTo((0, 0)), $"{switched}\n{relaxed}");
            Assert.That(whileHeld.Where(e => e.Code == 201), Is.Empty, "nothing evicted while the budget allowed no disruption");
            Assert.That(podsWhileHeld, Is.EquivalentTo(originals));
            Assert.That(evicted, Is.EquivalentTo(originals), "each original pod evicted exactly once");
            Assert.That(
                replacements.Select(p => p.Metadata.Annotations is { } a && a.TryGetValue("rightsizer.io/applied", out var applied) ? applied : null),
                Is.All.EqualTo("web@2"),
                "replacements sized by the webhook from the policy as switched (generation 2)");
            Assert.That(events, Does.Contain("EvictionRefused"), string.Join(", ", events));
            Assert.That(events.Count(e => e == "Evicted"), Is.EqualTo(2), string.Join(", ", events));
        });
    }

    private const string Budget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec:
          minAvailable: 2
          selector: {matchLabels: {app: web}}
        """;
}
