namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>Raises a limit estimated below the request to the request: Kubernetes rejects a request above the limit.</summary>
public sealed class LimitAtLeastRequestPostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Limit is { } limit && limit < state.Request ? state with { Limit = state.Request } : state;
    }
}
