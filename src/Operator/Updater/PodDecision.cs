namespace RightSizer.Operator.Updater;

/// <summary>What to do with one pod, and why.</summary>
/// <param name="Reason">One of <see cref="UpdateReasons"/>.</param>
public sealed record PodDecision(string Pod, UpdateAction Action, string Reason, string Message);
