namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>
/// One step of the chain that turns the estimates into the published request and limit (<see cref="PostProcessorChain"/>).
/// A step reads the state and returns a new one, saying in a reason what it changed.
/// </summary>
public interface IPostProcessor
{
    SizingState Process(SizingState state, SizingContext context);
}
