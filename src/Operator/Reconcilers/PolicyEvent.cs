namespace RightSizer.Operator.Reconcilers;

/// <summary>An event to record on a MemoryPolicy.</summary>
/// <param name="Warning">Type Warning rather than Normal.</param>
public sealed record PolicyEvent(string Reason, string Message, bool Warning = false);
