using k8s.Models;
using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// What the namespace's ResourceQuotas leave free for a new pod's memory, from the quotas' status (hard − used). Scoped
/// quotas are counted as if they covered every pod: that can only make us more careful.
/// </summary>
/// <param name="Requests">Free <c>requests.memory</c> (or <c>memory</c>), null when no quota limits it.</param>
/// <param name="Limits">Free <c>limits.memory</c>, null when no quota limits it.</param>
public sealed record QuotaHeadroom(Memory? Requests, Memory? Limits)
{
    public static QuotaHeadroom Unlimited { get; } = new(null, null);

    public static QuotaHeadroom From(IReadOnlyList<V1ResourceQuota> quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        var result = Unlimited;
        for (var i = 0; i < quotas.Count; i++)
        {
            var quota = quotas[i];
            var hard = quota.Status?.Hard ?? quota.Spec?.Hard;
            var used = quota.Status?.Used;
            result = new QuotaHeadroom(
                Smaller(result.Requests, Free(hard, used, "requests.memory") ?? Free(hard, used, "memory")),
                Smaller(result.Limits, Free(hard, used, "limits.memory")));
        }

        return result;
    }

    private static Memory? Free(IDictionary<string, ResourceQuantity>? hard, IDictionary<string, ResourceQuantity>? used, string resource)
    {
        if (Read(hard, resource) is not { } limit)
        {
            return null;
        }

        return limit - (Read(used, resource) ?? Memory.Zero);
    }

    private static Memory? Read(IDictionary<string, ResourceQuantity>? values, string resource) =>
        values is not null && values.TryGetValue(resource, out var quantity) && Memory.TryParse(quantity.ToString(), out var memory) ? memory : null;

    private static Memory? Smaller(Memory? a, Memory? b) => (a, b) switch
    {
        ({ } x, { } y) => Memory.Min(x, y),
        (null, _) => b,
        _ => a,
    };
}
