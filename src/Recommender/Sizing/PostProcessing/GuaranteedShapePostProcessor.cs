using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>For the Guaranteed class the request is the limit (the sizer always estimates a limit then).</summary>
public sealed class GuaranteedShapePostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Guaranteed || state.Limit is not { } limit)
        {
            return state;
        }

        return (state with { Request = limit }).Noted(new Reason(ReasonCode.GuaranteedShape, "qos: Guaranteed, request = limit"));
    }
}
