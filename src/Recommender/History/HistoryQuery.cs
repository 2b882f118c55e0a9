using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.History;

/// <summary>
/// Which history to read: the window ending at <see cref="AsOf"/>, optionally narrowed to namespaces, pod labels or
/// one cluster of a multi-cluster Prometheus.
/// </summary>
public sealed record HistoryQuery(DateTimeOffset AsOf, TimeSpan Window)
{
    public MemorySignal Signal { get; init; } = MemoryPolicyDefaults.Signal;

    /// <summary>Only containers in these namespaces; empty for all.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>
    /// Only pods whose labels match every requirement (ANDed, as kubectl does: <c>app=web,app=evil</c> matches
    /// nothing); empty for all.
    /// </summary>
    public IReadOnlyList<LabelRequirement> PodLabels { get; init; } = [];

    /// <summary>
    /// The series label and value that pick one cluster when one Prometheus holds several (e.g. <c>cluster="prod"</c>);
    /// null to read every series as one cluster.
    /// </summary>
    public LabelRequirement? Cluster { get; init; }

    public DateTimeOffset Start => AsOf - Window;
}
