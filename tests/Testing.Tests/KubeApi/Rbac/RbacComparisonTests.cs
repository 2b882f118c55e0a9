using k8s.Models;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.KubeApi.Rbac;

namespace RightSizer.Testing.Tests.KubeApi.Rbac;

/// <summary>Requests against grants: cluster-wide and namespaced roles, subresources, both directions of difference.</summary>
public sealed class RbacComparisonTests
{
    private static readonly RbacGrant[] Grants =
    [
        .. RbacComparison.Grants([new V1PolicyRule { ApiGroups = [""], Resources = ["pods", "pods/eviction"], Verbs = ["list", "create"] }], null),
        .. RbacComparison.Grants([new V1PolicyRule { ApiGroups = ["coordination.k8s.io"], Resources = ["leases"], Verbs = ["get"] }], "system"),
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        ApiRequestRecord listPods = new("list", "", "pods", "", ""), createPod = new("create", "", "pods", "", "shop"),
            evict = new("create", "", "pods", "eviction", "shop"), listEviction = new("list", "", "pods", "eviction", ""),
            lease = new("get", "coordination.k8s.io", "leases", "", "system");
        yield return new TestCaseData(new[] { listPods, createPod, evict, lease, listEviction }, Array.Empty<string>(), Array.Empty<string>())
            .SetName("Compare_EveryGrantUsed_Matches");
        yield return new TestCaseData(new[] { listPods, createPod, evict, lease, listEviction, new ApiRequestRecord("get", "coordination.k8s.io", "leases", "", "default") },
                new[] { "get coordination.k8s.io/leases in default" }, Array.Empty<string>())
            .SetName("Compare_RoleUsedOutsideItsNamespace_Missing");
        yield return new TestCaseData(new[] { listPods, createPod, lease, listEviction }, Array.Empty<string>(), new[] { "create core/pods/eviction in every namespace" })
            .SetName("Compare_SubresourceGrantNeverUsed_Unused");
        yield return new TestCaseData(new[] { listPods, createPod, evict, lease, listEviction, new ApiRequestRecord("update", "", "pods", "status", "shop") },
                new[] { "update core/pods/status in shop" }, Array.Empty<string>())
            .SetName("Compare_SubresourceNotGranted_Missing");
    }

    [TestCaseSource(nameof(Cases))]
    public void Compare(ApiRequestRecord[] requests, string[] missing, string[] unused)
    {
        var comparison = RbacComparison.Compare(requests, Grants);

        Assert.That(comparison.Missing, Is.EqualTo(missing), comparison.ToString());
        Assert.That(comparison.Unused.Select(g => g.ToString()), Is.EqualTo(unused), comparison.ToString());
    }
}
