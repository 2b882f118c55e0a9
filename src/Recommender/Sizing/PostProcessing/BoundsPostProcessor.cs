using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>
/// <c>minAllowed</c> and <c>maxAllowed</c> bound the request and the limit, exactly (a bound that is not a whole MiB
/// wins over the rounding). Clamping both values into the same range keeps the limit at or above the request.
/// </summary>
public sealed class BoundsPostProcessor : IPostProcessor
{
    public SizingState Process(SizingState state, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var result = state;
        if (context.Settings.MinAllowed is { } min)
        {
            if (result.Request < min)
            {
                result = (result with { Request = min }).Noted(Raised("request", min));
            }

            if (result.Limit is { } limit && limit < min)
            {
                result = (result with { Limit = min }).Noted(Raised("limit", min));
            }
        }

        if (context.Settings.MaxAllowed is { } max)
        {
            if (result.Request > max)
            {
                result = (result with { Request = max }).Noted(Lowered("request", max));
            }

            if (result.Limit is { } limit && limit > max)
            {
                result = (result with { Limit = max }).Noted(Lowered("limit", max));
            }
        }

        return result;
    }

    private static Reason Raised(string value, Memory min) =>
        new(ReasonCode.MinAllowed, Invariant($"bounds: {value} raised to minAllowed {min.ToHuman()}"));

    private static Reason Lowered(string value, Memory max) =>
        new(ReasonCode.MaxAllowed, Invariant($"bounds: {value} lowered to maxAllowed {max.ToHuman()}"));
}
