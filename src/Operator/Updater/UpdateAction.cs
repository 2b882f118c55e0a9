namespace RightSizer.Operator.Updater;

/// <summary>What the updater does to one pod.</summary>
public enum UpdateAction
{
    /// <summary>Leave it; the decision's reason says why.</summary>
    None,

    /// <summary>Evict it through the Eviction API so its controller recreates it with the new values.</summary>
    Evict,

    /// <summary>Resize its containers' memory in place through pods/resize.</summary>
    Resize,
}
