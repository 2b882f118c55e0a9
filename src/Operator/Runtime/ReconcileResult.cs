namespace RightSizer.Operator.Runtime;

/// <summary>What a reconcile asks of the controller: nothing, or to look at the key again after a delay.</summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    public static ReconcileResult Done { get; } = new(null);

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
