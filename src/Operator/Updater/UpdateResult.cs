namespace RightSizer.Operator.Updater;

/// <summary>What happened to one planned action.</summary>
public sealed record UpdateResult(string Pod, UpdateAction Action, UpdateOutcome Outcome, string Message);
