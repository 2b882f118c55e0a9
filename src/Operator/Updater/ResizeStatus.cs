namespace RightSizer.Operator.Updater;

/// <summary>A pod's in-place resize, from its PodResizePending and PodResizeInProgress conditions.</summary>
public enum ResizeStatus
{
    None,

    /// <summary>PodResizePending, reason Deferred: feasible on the node but not now.</summary>
    Deferred,

    /// <summary>PodResizePending, reason Infeasible: the node will not do it.</summary>
    Infeasible,

    /// <summary>PodResizeInProgress: allocated, not yet actuated.</summary>
    InProgress,
}
