using FluentValidation;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Validation;

/// <summary>targetRef: a supported kind, a name, and the API group that kind lives in.</summary>
internal sealed class TargetReferenceValidator : AbstractValidator<V1alpha1TargetReference>
{
    public TargetReferenceValidator()
    {
        RuleFor(t => t.Kind)
            .NotNull().WithMessage($"is required: one of {string.Join(", ", Enum.GetNames<WorkloadKind>())}")
            .OverridePropertyName("kind");
        RuleFor(t => t.Name)
            .NotEmpty().WithMessage("is required")
            .OverridePropertyName("name");
        RuleFor(t => t.ApiVersion)
            .Must((t, apiVersion) => apiVersion == ExpectedApiVersion(t.Kind!.Value))
            .WithMessage(t => $"must be {ExpectedApiVersion(t.Kind!.Value)} for kind {t.Kind} (got {Format.Text(t.ApiVersion)})")
            .When(t => t.Kind is not null && t.ApiVersion is not null)
            .OverridePropertyName("apiVersion");
    }

    private static string ExpectedApiVersion(WorkloadKind kind) =>
        kind is WorkloadKind.Job or WorkloadKind.CronJob ? "batch/v1" : "apps/v1";
}
