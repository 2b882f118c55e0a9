namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>Rounds both values up to a whole MiB, the granularity recommendations are published in.</summary>
public sealed class WholeMiBPostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with { Request = state.Request.RoundUpToMiB(), Limit = state.Limit?.RoundUpToMiB() };
    }
}
