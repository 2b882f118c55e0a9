namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>
/// The post-processing chain, listed once and run in this order; the bounds come last, as the VPA's capping
/// post-processor does, so no step can undo <c>maxAllowed</c> or <c>minAllowed</c>.
/// </summary>
public static class PostProcessorChain
{
    public static IReadOnlyList<IPostProcessor> Steps { get; } =
    [
        // The limit is never below the request.
        new LimitAtLeastRequestPostProcessor(),

        // Guaranteed: the request becomes the limit.
        new GuaranteedShapePostProcessor(),

        // JVM and .NET: the memory grows to hold the measured heap and non-heap peaks.
        new HeapFitPostProcessor(),

        // controlledValues RequestsOnly: today's limit is kept and the request capped at it.
        new ControlledValuesPostProcessor(),

        // Whole MiB, rounded up: the granularity recommendations are published in.
        new WholeMiBPostProcessor(),

        // minAllowed and maxAllowed: hard bounds on both values.
        new BoundsPostProcessor(),
    ];

    public static SizingState Run(SizingState state, SizingContext context) =>
        Steps.Aggregate(state, (current, step) => step.Process(current, context));
}
