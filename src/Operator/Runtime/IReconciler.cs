namespace RightSizer.Operator.Runtime;

/// <summary>
/// Brings one object's world to its desired state from the current state, whatever event led here (level-based).
/// An exception means "try again with backoff".
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
