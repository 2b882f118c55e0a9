using FluentValidation;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Validation;

/// <summary>The spec: exactly one way to pick pods, and valid sections.</summary>
internal sealed class SpecValidator : AbstractValidator<V1alpha1MemoryPolicySpec>
{
    public SpecValidator()
    {
        RuleFor(s => s)
            .Must(s => (s.TargetRef is null) != (s.Selector is null))
            .WithMessage(s => $"exactly one of targetRef and selector must be set (got {(s.TargetRef is null ? "neither" : "both")})")
            .OverridePropertyName("targetRef");
        RuleFor(s => s.TargetRef!).SetValidator(new TargetReferenceValidator()).When(s => s.TargetRef is not null).OverridePropertyName("targetRef");
        RuleFor(s => s.Selector!).SetValidator(new SelectorValidator()).When(s => s.Selector is not null).OverridePropertyName("selector");
        RuleFor(s => s.Containers!).SetValidator(new ContainerListValidator()).When(s => s.Containers is not null).OverridePropertyName("containers");
        RuleFor(s => s.Recommendation!).SetValidator(new RecommendationValidator()).When(s => s.Recommendation is not null).OverridePropertyName("recommendation");
        RuleFor(s => s.Runtime!.HeapHeadroom)
            .InclusiveBetween(MemoryPolicyLimits.HeapHeadroomMin, MemoryPolicyLimits.HeapHeadroomMax)
            .WithMessage(r => $"must be in {MemoryPolicyLimits.HeapHeadroomRange} (got {Format.Number(r.Runtime!.HeapHeadroom)})")
            .When(s => s.Runtime?.HeapHeadroom is not null)
            .OverridePropertyName("runtime.heapHeadroom");
        RuleFor(s => s.Update!).SetValidator(new UpdateValidator()).When(s => s.Update is not null).OverridePropertyName("update");
    }
}
