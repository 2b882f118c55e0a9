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

    public static MemoryLimitRange From(IReadOnlyList<V1LimitRange> limitRanges)
    {
        ArgumentNullException.ThrowIfNull(limitRanges);
        var result = None;
        for (var r = 0; r < limitRanges.Count; r++)
        {
            var items = limitRanges[r].Spec?.Limits;
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                result = Combine(result, items![i]);
            }
        }

        return result;
    }

    private static MemoryLimitRange Combine(MemoryLimitRange result, V1LimitRangeItem item)
    {
        if (item.Type != ContainerType)
        {
            return result;
        }

        return new MemoryLimitRange(
            Pick(result.Min, Read(item.Min), Memory.Max),
            Pick(result.Max, Read(item.Max), Memory.Min),
            result.DefaultLimit ?? Read(item.DefaultProperty),
            Pick(result.MaxLimitRequestRatio, item.MaxLimitRequestRatio is { } ratios && ratios.TryGetValue(MemoryResource, out var ratio) ? ratio.ToDecimal() : null, Math.Min));
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
