using k8s.Models;
using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The memory constraints of a namespace's LimitRanges for containers, combined as the LimitRanger admission plugin
/// checks them: every LimitRange applies, so the highest min, the lowest max and the lowest ratio bind.
/// </summary>
/// <param name="DefaultLimit">The limit LimitRanger gives a container that has none.</param>
/// <param name="MaxLimitRequestRatio">The largest limit/request a container may have.</param>
public sealed record MemoryLimitRange(Memory? Min, Memory? Max, Memory? DefaultLimit, decimal? MaxLimitRequestRatio)
{
    private const string ContainerType = "Container";
    private const string MemoryResource = "memory";

    public static MemoryLimitRange None { get; } = new(null, null, null, null);

    public static MemoryLimitRange From(IEnumerable<V1LimitRange> limitRanges)
    {
        var result = None;
        foreach (var item in limitRanges.SelectMany(r => r.Spec?.Limits ?? []).Where(i => i.Type == ContainerType))
        {
            result = new MemoryLimitRange(
                Pick(result.Min, Read(item.Min), Memory.Max),
                Pick(result.Max, Read(item.Max), Memory.Min),
                result.DefaultLimit ?? Read(item.DefaultProperty),
                Pick(result.MaxLimitRequestRatio, item.MaxLimitRequestRatio is { } ratios && ratios.TryGetValue(MemoryResource, out var ratio) ? ratio.ToDecimal() : null, Math.Min));
        }

        return result;
    }

    private static Memory? Read(IDictionary<string, ResourceQuantity>? values) =>
        values is not null && values.TryGetValue(MemoryResource, out var quantity) && Memory.TryParse(quantity.ToString(), out var memory) ? memory : null;

    private static T? Pick<T>(T? current, T? next, Func<T, T, T> combine)
        where T : struct =>
        (current, next) switch
        {
            ({ } a, { } b) => combine(a, b),
            (null, _) => next,
            _ => current,
        };
}
