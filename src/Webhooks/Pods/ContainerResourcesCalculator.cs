using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The memory request and limit of one container: the recommendation from status, clamped to the policy's
/// minAllowed/maxAllowed, then to the namespace's LimitRange so that LimitRanger's validation cannot refuse the pod
/// because of us (min, max, request ≤ limit, maxLimitRequestRatio), in that order: the cluster's rules come last.
/// </summary>
public static class ContainerResourcesCalculator
{
    private const string MemoryResource = "memory";

    public static ContainerTarget? Calculate(
        ContainerSlot slot,
        V1alpha1ContainerRecommendation recommendation,
        V1alpha1ContainerPolicy? policy,
        MemoryLimitRange limitRange,
        ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(limitRange);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!Memory.TryParse(recommendation.Request, out var request) || request <= Memory.Zero)
        {
            warnings.Add($"container {slot.Name}: the recommendation has no usable request ('{recommendation.Request}'): left unchanged");
            return null;
        }

        var currentRequest = Current(slot.Container.Resources?.Requests);
        var currentLimit = Current(slot.Container.Resources?.Limits);
        var recommendedLimit = Memory.TryParse(recommendation.Limit, out var parsed) && parsed > Memory.Zero ? parsed : (Memory?)null;
        var setsLimit = policy?.ControlledValues != ControlledValues.RequestsOnly && recommendedLimit is not null;
        var limit = setsLimit ? recommendedLimit : currentLimit;

        var min = Bound(policy?.MinAllowed);
        var max = Bound(policy?.MaxAllowed);
        request = Clamp(request, min, max);
        if (setsLimit)
        {
            limit = Clamp(limit!.Value, min, max);
        }

        (request, limit) = ApplyLimitRange(slot.Name, request, limit, setsLimit, limitRange, warnings);
        return new ContainerTarget(slot, currentRequest, currentLimit, request, limit, setsLimit, recommendation.Heap);
    }

    private static (Memory Request, Memory? Limit) ApplyLimitRange(
        string container, Memory request, Memory? limit, bool setsLimit, MemoryLimitRange range, ICollection<string> warnings)
    {
        var wanted = (request, limit);
        if (range.Min is { } min)
        {
            request = Memory.Max(request, min);
            limit = setsLimit ? Memory.Max(limit!.Value, min) : limit;
        }

        if (range.Max is { } max)
        {
            request = Memory.Min(request, max);
            limit = setsLimit ? Memory.Min(limit!.Value, max) : limit;
        }

        var effectiveLimit = limit ?? range.DefaultLimit;
        if (effectiveLimit is { } kept && request > kept)
        {
            // Only when the limit is not ours (RequestsOnly, or no recommended limit): a request above it is invalid.
            warnings.Add($"container {container}: request {request} capped at the container's limit {kept}");
            wanted.request = kept;
            request = kept;
        }

        if (effectiveLimit is { } bound && range.MaxLimitRequestRatio is { } ratio && ratio > 0 && bound.Bytes > request.Bytes * ratio)
        {
            // Raising the request keeps the limit the workload needs; lowering the limit would invite OOM kills.
            request = Memory.Min(new Memory((long)Math.Ceiling(bound.Bytes / ratio)).RoundUpToMiB(), bound);
        }

        if ((request, limit) != wanted)
        {
            warnings.Add($"container {container}: LimitRange gives {Describe(request, limit)} instead of {Describe(wanted.request, wanted.limit)}");
        }

        return (request, limit);
    }

    private static string Describe(Memory request, Memory? limit) => limit is { } l ? $"request {request} limit {l}" : $"request {request}";

    private static Memory? Current(IReadOnlyDictionary<string, string?>? values) =>
        values?.GetValueOrDefault(MemoryResource) is { } text && Memory.TryParse(text, out var memory) ? memory : null;

    private static Memory? Bound(string? quantity) => Memory.TryParse(quantity, out var memory) ? memory : null;

    private static Memory Clamp(Memory value, Memory? min, Memory? max)
    {
        if (min is { } lower)
        {
            value = Memory.Max(value, lower);
        }

        return max is { } upper ? Memory.Min(value, upper) : value;
    }
}
