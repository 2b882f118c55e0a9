namespace RightSizer.Operator.Updater;

/// <summary>The planner's answer for one workload: a decision per pod, in the order to act.</summary>
/// <param name="RetryAfter">When to look again if something waits (cooldown, readiness); null when nothing does.</param>
public sealed record UpdatePlan(IReadOnlyList<PodDecision> Decisions, TimeSpan? RetryAfter)
{
    public static UpdatePlan Empty { get; } = new([], null);

    public IEnumerable<PodDecision> Actions => Decisions.Where(d => d.Action != UpdateAction.None);
}
