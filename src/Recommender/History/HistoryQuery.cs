using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.History;

/// <summary>Which history to read: the window ending at <see cref="AsOf"/>, optionally narrowed to a namespace or pod labels.</summary>
public sealed record HistoryQuery(DateTimeOffset AsOf, TimeSpan Window)
{
    public MemorySignal Signal { get; init; } = MemoryPolicyDefaults.Signal;

    /// <summary>Only containers in this namespace; null for all.</summary>
    public string? Namespace { get; init; }

    /// <summary>Only pods whose labels match, as <c>key=value</c> equality requirements; empty for all.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public DateTimeOffset Start => AsOf - Window;
}
