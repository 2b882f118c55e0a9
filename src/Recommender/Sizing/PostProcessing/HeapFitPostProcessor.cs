using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>
/// Measured heap plus non-heap may need more than the usage-based size: the memory grows, the heap is never squeezed.
/// The limit grows when there is one (and the request with it when they are equal); else the request.
/// </summary>
public sealed class HeapFitPostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (context.HeapNeeded is not { } needed)
        {
            return state;
        }

        if (state.Limit is { } limit && needed > limit)
        {
            return new SizingState(state.Request == limit ? needed : state.Request, needed, state.Reasons)
                .Noted(new Reason(ReasonCode.HeapRaised, Invariant($"heap: limit raised to {needed.ToHuman()} to hold the measured heap and non-heap peaks")));
        }

        if (state.Limit is null && needed > state.Request)
        {
            return (state with { Request = needed })
                .Noted(new Reason(ReasonCode.HeapRaised, Invariant($"heap: request raised to {needed.ToHuman()} to hold the measured heap and non-heap peaks")));
        }

        return state;
    }
}
