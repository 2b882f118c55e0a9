using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi.Simulation;

/// <summary>The simulated disruption controller's PodDisruptionBudget status, as kubectl get pdb shows it.</summary>
public sealed class DisruptionBudgetControllerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 64Mi}}}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          BUDGET
          selector: {matchLabels: {app: web}}
        """;

    private static readonly object[] Budgets =
    [
        new TestCaseData("minAvailable: 2", "3 2 1 3 True SufficientPods").SetName("Status_MinAvailableTwoOfThree_OneAllowed"),
        new TestCaseData("maxUnavailable: 50%", "3 1 2 3 True SufficientPods").SetName("Status_MaxUnavailableHalfOfThree_RoundedUpTwoAllowed"),
        new TestCaseData("minAvailable: 100%", "3 3 0 3 False InsufficientPods").SetName("Status_MinAvailableAll_NoneAllowed"),
    ];

    [TestCaseSource(nameof(Budgets))]
    public async Task Status_ReadyDeploymentPods_ComputedAsDisruptionController(string budget, string expected)
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        await kubectl.RunWithInputAsync(Deployment.Replace("BUDGET", budget, StringComparison.Ordinal), "create", "-f", "-");
        var healthy = await kubectl.RunAsync("wait", "--for=jsonpath={.status.currentHealthy}=3", "pdb/web", "--timeout=30s");
        var status = await kubectl.RunAsync("get", "pdb", "web", "-o",
            "jsonpath={.status.currentHealthy} {.status.desiredHealthy} {.status.disruptionsAllowed} {.status.expectedPods} {.status.conditions[0].status} {.status.conditions[0].reason}");

        Assert.That(healthy.ExitCode, Is.Zero, healthy.ToString());
        Assert.That(status.StdOut, Is.EqualTo(expected));
    }

    [Test]
    public async Task Status_PodDeleted_HealthyCountFollows()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Deployment.Replace("BUDGET", "minAvailable: 2", StringComparison.Ordinal).Replace("replicas: 3", "replicas: 2", StringComparison.Ordinal), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=jsonpath={.status.currentHealthy}=2", "pdb/web", "--timeout=30s");

        var table = await kubectl.RunAsync("get", "pdb");
        await kubectl.RunAsync("patch", "deployment", "web", "--type=merge", "-p", "{\"spec\":{\"replicas\":3}}");
        var three = await kubectl.RunAsync("wait", "--for=jsonpath={.status.disruptionsAllowed}=1", "pdb/web", "--timeout=30s");

        Assert.That(table.StdOut, Does.Match(@"web\s+2\s+N/A\s+0\s+\d+s"));
        Assert.That(three.ExitCode, Is.Zero, three.ToString());
    }
}
