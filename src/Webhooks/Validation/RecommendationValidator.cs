using FluentValidation;
using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Validation;

/// <summary>recommendation: percentiles, margins and durations in range and consistent with each other.</summary>
internal sealed class RecommendationValidator : AbstractValidator<V1alpha1RecommendationSpec>
{
    public RecommendationValidator()
    {
        Percentile(r => r.RequestPercentile, "requestPercentile");
        Percentile(r => r.LimitPercentile, "limitPercentile");
        RuleFor(r => r.LimitPercentile)
            .Must((r, limit) => limit >= (r.RequestPercentile ?? MemoryPolicyDefaults.RequestPercentile))
            .WithMessage(r => $"must be >= requestPercentile (got {Format.Number(r.LimitPercentile)} < {Format.Number(r.RequestPercentile ?? MemoryPolicyDefaults.RequestPercentile)})")
            .When(r => r.LimitPercentile is { } limit && MemoryPolicyLimits.IsPercentile(limit)
                && (r.RequestPercentile is not { } request || MemoryPolicyLimits.IsPercentile(request)))
            .OverridePropertyName("limitPercentile");
        Risk(r => r.OomRisk, "oomRisk");
        Risk(r => r.OverRequestRisk, "overRequestRisk");
        Margin(r => r.RequestMargin, "requestMargin");
        Margin(r => r.LimitMargin, "limitMargin");
        RuleFor(r => r.MinSamples)
            .GreaterThanOrEqualTo(MemoryPolicyLimits.MinSamplesMin).WithMessage(r => $"must be >= {MemoryPolicyLimits.MinSamplesMin} (got {r.MinSamples})")
            .OverridePropertyName("minSamples");

        RuleFor(r => r).Custom((r, context) =>
        {
            var window = Duration(r.HistoryWindow, "historyWindow", context);
            var halfLife = Duration(r.HalfLife, "halfLife", context);
            Duration(r.GrowthHorizon, "growthHorizon", context);
            if (window is { } w && w < MemoryPolicyLimits.MinHistoryWindowSpan)
            {
                context.AddFailure("historyWindow", $"must be at least {MemoryPolicyLimits.MinHistoryWindow} (got '{r.HistoryWindow}')");
            }

            if (halfLife is { } h && h <= TimeSpan.Zero)
            {
                context.AddFailure("halfLife", $"must be positive (got '{r.HalfLife}')");
            }

            var effectiveWindow = window ?? PromDuration.Parse(MemoryPolicyDefaults.HistoryWindow);
            if (halfLife is { } half && half > effectiveWindow)
            {
                context.AddFailure("halfLife", $"must not be longer than historyWindow (got {r.HalfLife} > {PromDuration.Format(effectiveWindow)})");
            }
        });
    }

    private void Percentile(System.Linq.Expressions.Expression<Func<V1alpha1RecommendationSpec, double?>> field, string name) =>
        RuleFor(field)
            .Must(p => MemoryPolicyLimits.IsPercentile(p!.Value))
            .WithMessage((_, p) => $"must be in {MemoryPolicyLimits.PercentileRange} (got {Format.Number(p)})")
            .When(r => field.Compile()(r) is not null)
            .OverridePropertyName(name);

    private void Risk(System.Linq.Expressions.Expression<Func<V1alpha1RecommendationSpec, double?>> field, string name) =>
        RuleFor(field)
            .Must(p => MemoryPolicyLimits.IsRisk(p!.Value))
            .WithMessage((_, p) => $"must be in {MemoryPolicyLimits.RiskRange} (got {Format.Number(p)})")
            .When(r => field.Compile()(r) is not null)
            .OverridePropertyName(name);

    private void Margin(System.Linq.Expressions.Expression<Func<V1alpha1RecommendationSpec, double?>> field, string name) =>
        RuleFor(field)
            .Must(m => MemoryPolicyLimits.IsMargin(m!.Value))
            .WithMessage((_, m) => $"must be in {MemoryPolicyLimits.MarginRange} (got {Format.Number(m)})")
            .When(r => field.Compile()(r) is not null)
            .OverridePropertyName(name);

    private static TimeSpan? Duration(string? text, string field, ValidationContext<V1alpha1RecommendationSpec> context)
    {
        if (text is null)
        {
            return null;
        }

        if (PromDuration.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        context.AddFailure(field, error);
        return null;
    }
}
