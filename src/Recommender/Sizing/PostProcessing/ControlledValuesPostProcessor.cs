using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>
/// <c>controlledValues: RequestsOnly</c>: the container keeps today's limit (none when it has none), and the request is
/// capped at that limit so the pair stays valid.
/// </summary>
public sealed class ControlledValuesPostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Settings.ControlledValues != ControlledValues.RequestsOnly)
        {
            return state;
        }

        var kept = context.Current?.MemoryLimit;
        var result = (state with { Limit = kept }).Noted(new Reason(ReasonCode.LimitKept, kept is { } k
            ? Invariant($"limit: kept at {k.ToHuman()} (controlledValues RequestsOnly)")
            : "limit: left as it is (controlledValues RequestsOnly)"));
        if (kept is { } keptLimit && result.Request > keptLimit)
        {
            result = (result with { Request = keptLimit }).Noted(new Reason(
                ReasonCode.RequestCappedAtLimit,
                Invariant($"request: capped at the kept limit {keptLimit.ToHuman()} (wanted {state.Request.ToHuman()})")));
        }

        return result;
    }
}
