namespace RightSizer.Operator.Reconcilers;

/// <summary>A history scan that did not complete: when, and the history source's message.</summary>
/// <param name="Unreachable">The source could not be reached (as opposed to answering with an error).</param>
public sealed record ScanFailure(DateTimeOffset At, string Message, bool Unreachable);
