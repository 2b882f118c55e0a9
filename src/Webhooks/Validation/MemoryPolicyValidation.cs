using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Validation;

/// <summary>The entry point the CLI and the validating webhook share: every problem of a policy, in path order.</summary>
public static class MemoryPolicyValidation
{
    private static readonly MemoryPolicyValidator Validator = new();

    public static IReadOnlyList<ValidationProblem> Validate(V1alpha1MemoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. Validator.Validate(policy).Errors.Select(e => new ValidationProblem(e.PropertyName, e.ErrorMessage))];
    }
}
