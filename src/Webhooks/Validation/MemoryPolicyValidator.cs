using FluentValidation;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Validation;

/// <summary>Validates a whole MemoryPolicy; each section has a validator of its own.</summary>
public sealed class MemoryPolicyValidator : AbstractValidator<V1alpha1MemoryPolicy>
{
    public MemoryPolicyValidator()
    {
        RuleFor(p => p.Metadata.Name)
            .NotEmpty().WithMessage("is required")
            .OverridePropertyName("metadata.name");
        RuleFor(p => p.Spec).SetValidator(new SpecValidator()).OverridePropertyName("spec");
    }
}
