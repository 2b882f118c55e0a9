using k8s;
using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.KubeApi.Rbac;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Operator;

/// <summary>
/// Least privilege traced to code: two leader-electing replicas, bootstrapping their webhook certificate as
/// config/manager has them do, run every mode (Off, Initial, Recreate, InPlace) as the service account of config/rbac; the (verb, group, resource, subresource, namespace) set they used must equal what
/// the Roles and ClusterRoles bound to that account grant, as installed by <c>kubectl apply -k config/default</c>.
/// </summary>
public sealed class RbacTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private PrometheusServer _prometheus = null!;

    /// <summary>
    /// Grants whose code path a run of minutes cannot reach, each named with the path: renewing the bootstrapped
    /// certificate (CertificateSecretStore updates the Secret days before expiry; Operator.Tests drive it with a fake clock).
    /// </summary>
    private static readonly string[] NotReachedInMinutes = [$"update core/secrets in {OperatorCluster.SystemNamespace}"];

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h
            .Deployment("shop", "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes)
            .Deployment("shop", "api", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes)
            .Deployment("shop", "worker", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task OperatorRequests_EveryModeWithLeaderElection_EqualConfigRbacGrants()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var install = await cluster.InstallAsync();
        Assert.That(install.Select(r => r.ExitCode), Is.All.Zero, string.Join('\n', install));
        // As config/manager runs it: the operator makes and shares its own webhook certificate.
        string[] bootstrap = ["--webhook-bootstrap-cert", $"--webhook-service-namespace={OperatorCluster.SystemNamespace}"];
        await cluster.StartOperatorAsync(_prometheus.BaseUrl, leaderElect: true, bootstrap);
        await cluster.StartOperatorAsync(_prometheus.BaseUrl, leaderElect: true, bootstrap);
        // One status write loses a race, as it does beside another writer: the re-read after a 409 is a path RBAC must allow.
        cluster.Api.Faults.ConflictOnNextWrite("memorypolicies");
        var ns = await cluster.CreateNamespacesAsync("shop");
        var workloads = await cluster.Kubectl.RunWithInputAsync(string.Join("---\n", Workloads.Deployment("shop", "web"), Workloads.Deployment("shop", "api"), Workloads.Deployment("shop", "worker", resizePolicy: "RestartContainer")), "apply", "-f", "-");
        var policies = await cluster.Kubectl.RunWithInputAsync(
            string.Join("---\n", Workloads.Policy("shop", "web", "Initial"), Workloads.Policy("shop", "api", "Recreate"), Workloads.Policy("shop", "worker", "InPlace"), Workloads.Policy("shop", "gone", "Off")),
            "apply", "-f", "-");
        Assert.That((ns.ExitCode, workloads.ExitCode, policies.ExitCode), Is.EqualTo((0, 0, 0)), $"{ns}\n{workloads}\n{policies}");

        await cluster.WaitUntilAsync(
            () => Task.FromResult(cluster.OperatorRequests.Any(r => r.Subresource == "eviction") && cluster.OperatorRequests.Any(r => r.Subresource == "resize")),
            Deadline,
            "a Recreate eviction and an InPlace resize");

        var grants = await GrantsOfOperatorAsync(cluster.Api.CreateClient());
        var comparison = RbacComparison.Compare(cluster.OperatorRequests, grants);
        Assert.That(comparison.Missing, Is.Empty, comparison.ToString());
        Assert.That(comparison.Unused.Select(g => g.ToString()), Is.EquivalentTo(NotReachedInMinutes), comparison.ToString());
    }

    /// <summary>The rules of every Role and ClusterRole bound to the operator's service account, as the server stores them.</summary>
    private static async Task<IReadOnlyCollection<RbacGrant>> GrantsOfOperatorAsync(IKubernetes client)
    {
        static bool IsOperator(IEnumerable<k8s.Models.Rbacv1Subject>? subjects) =>
            (subjects ?? []).Any(s => s.Kind == "ServiceAccount" && $"system:serviceaccount:{s.NamespaceProperty}:{s.Name}" == OperatorCluster.OperatorUser);

        var grants = new List<RbacGrant>();
        foreach (var binding in (await client.RbacAuthorizationV1.ListClusterRoleBindingAsync()).Items.Where(b => IsOperator(b.Subjects)))
        {
            grants.AddRange(RbacComparison.Grants((await client.RbacAuthorizationV1.ReadClusterRoleAsync(binding.RoleRef.Name)).Rules, null));
        }

        foreach (var binding in (await client.RbacAuthorizationV1.ListRoleBindingForAllNamespacesAsync()).Items.Where(b => IsOperator(b.Subjects)))
        {
            var bindingNs = binding.Metadata.NamespaceProperty;
            var rules = binding.RoleRef.Kind == "ClusterRole"
                ? (await client.RbacAuthorizationV1.ReadClusterRoleAsync(binding.RoleRef.Name)).Rules
                : (await client.RbacAuthorizationV1.ReadNamespacedRoleAsync(binding.RoleRef.Name, bindingNs)).Rules;
            grants.AddRange(RbacComparison.Grants(rules, bindingNs));
        }

        return grants;
    }
}
