namespace RightSizer.Operator.Export;

/// <summary>One workload: namespace, canonical kind (see <see cref="WorkloadKinds"/>) and name; ordered for output.</summary>
public sealed record WorkloadRef(string Namespace, string Kind, string Name) : IComparable<WorkloadRef>
{
    public int CompareTo(WorkloadRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNamespace = string.CompareOrdinal(Namespace, other.Namespace);
        if (byNamespace != 0)
        {
            return byNamespace;
        }

        var byKind = string.CompareOrdinal(Kind, other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary><c>Deployment shop/web</c>, as comments and messages name it.</summary>
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
