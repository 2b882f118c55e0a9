namespace RightSizer.Operator.Reconcilers;

/// <summary>A workload by kind and name within a namespace, with the kind spelled as in ownerReferences.</summary>
public sealed record WorkloadRef(string Kind, string Name)
{
    /// <summary>Pods without a controller are their own workload.</summary>
    public const string PodKind = "Pod";

    public override string ToString() => $"{Kind}/{Name}";
}
