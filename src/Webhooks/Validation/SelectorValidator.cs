using FluentValidation;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Validation;

/// <summary>selector: at least one term, and operators with the values they need.</summary>
internal sealed class SelectorValidator : AbstractValidator<V1alpha1LabelSelector>
{
    public SelectorValidator()
    {
        RuleFor(s => s)
            .Must(s => (s.MatchLabels?.Count ?? 0) + (s.MatchExpressions?.Count ?? 0) > 0)
            .WithMessage("must have at least one matchLabels entry or matchExpressions term (an empty selector would match every pod)")
            .OverridePropertyName("matchLabels");
        RuleFor(s => s.MatchLabels).Custom((labels, context) =>
        {
            // The path names the YAML field (matchLabels), not the C# property.
            var path = context.PropertyPath[..^nameof(V1alpha1LabelSelector.MatchLabels).Length] + "matchLabels";
            foreach (var (key, value) in labels ?? new Dictionary<string, string>())
            {
                foreach (var problem in new[] { LabelSyntax.KeyProblem(key), LabelSyntax.ValueProblem(value) })
                {
                    if (problem is not null)
                    {
                        context.AddFailure(new FluentValidation.Results.ValidationFailure($"{path}.{key}", problem));
                    }
                }
            }
        });
        RuleForEach(s => s.MatchExpressions).ChildRules(term =>
        {
            term.RuleFor(r => r.Key).NotEmpty().WithMessage("is required").OverridePropertyName("key");
            term.RuleFor(r => r.Key!)
                .Must(key => LabelSyntax.KeyProblem(key) is null)
                .WithMessage(r => LabelSyntax.KeyProblem(r.Key!))
                .When(r => !string.IsNullOrEmpty(r.Key))
                .OverridePropertyName("key");
            term.RuleForEach(r => r.Values)
                .Must(value => LabelSyntax.ValueProblem(value) is null)
                .WithMessage((_, value) => LabelSyntax.ValueProblem(value))
                .OverridePropertyName("values");
            term.RuleFor(r => r.Operator).NotNull().WithMessage("is required: one of In, NotIn, Exists, DoesNotExist").OverridePropertyName("operator");
            term.RuleFor(r => r.Values)
                .Must(v => v is { Count: > 0 })
                .WithMessage(r => $"must not be empty for operator {r.Operator}")
                .When(r => r.Operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn)
                .OverridePropertyName("values");
            term.RuleFor(r => r.Values)
                .Must(v => v is null or { Count: 0 })
                .WithMessage(r => $"must be empty for operator {r.Operator} (got {r.Values!.Count} values)")
                .When(r => r.Operator is LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist)
                .OverridePropertyName("values");
        }).OverridePropertyName("matchExpressions");
    }
}
