using System.Globalization;
using FluentValidation;
using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Validation;

/// <summary>update: a share for minChange, a count or percentage for maxUnavailable, a duration for cooldown.</summary>
internal sealed class UpdateValidator : AbstractValidator<V1alpha1UpdateSpec>
{
    public UpdateValidator()
    {
        RuleFor(u => u.MinChange)
            .InclusiveBetween(MemoryPolicyLimits.MinChangeMin, MemoryPolicyLimits.MinChangeMax)
            .WithMessage(u => $"must be in {MemoryPolicyLimits.MinChangeRange} (got {Format.Number(u.MinChange)})")
            .OverridePropertyName("minChange");
        RuleFor(u => u.MaxUnavailable)
            .Must(IsCountOrPercentage!)
            .WithMessage(u => $"must be an integer >= 1 or a percentage from 1% to 100% (got '{u.MaxUnavailable}')")
            .When(u => u.MaxUnavailable is not null)
            .OverridePropertyName("maxUnavailable");
        RuleFor(u => u.Cooldown)
            .Must(c => PromDuration.TryParse(c, out _))
            .WithMessage(u => $"is not a duration such as 1h or 30m (got '{u.Cooldown}')")
            .When(u => u.Cooldown is not null)
            .OverridePropertyName("cooldown");
    }

    private static bool IsCountOrPercentage(string text)
    {
        if (text.EndsWith('%'))
        {
            return int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
                && percent is >= 1 and <= 100;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1;
    }
}
