using RightSizer.Api.Units;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Testing.KubeApi.Sandbox;

/// <summary>
/// The history of docs/usage.md's walkthrough Deployment, shop/web with container app: a working set cycling through
/// 150-189Mi. The walkthrough's test and <c>make sandbox</c> backfill the same, so both show the doc's recommendation.
/// </summary>
public static class WalkthroughHistory
{
    public static WorkloadHistory ShopWeb(WorkloadHistory history) =>
        history.Deployment("shop", "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes);
}
