using FluentValidation;
using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Validation;

/// <summary>containers: named, unique, with bounds that parse and do not cross.</summary>
internal sealed class ContainerListValidator : AbstractValidator<IList<V1alpha1ContainerPolicy>>
{
    public ContainerListValidator()
    {
        RuleForEach(list => list)
            .Custom((container, context) =>
            {
                var list = context.InstanceToValidate;
                var index = list.IndexOf(container);
                if (string.IsNullOrEmpty(container.ContainerName))
                {
                    context.AddFailure("containerName", "is required (a container name, or * for the rest)");
                }
                else if (list.Take(index).Any(c => c.ContainerName == container.ContainerName))
                {
                    context.AddFailure("containerName", $"duplicates an earlier entry (got '{container.ContainerName}')");
                }

                var min = Quantity(container.MinAllowed, "minAllowed", context);
                var max = Quantity(container.MaxAllowed, "maxAllowed", context);
                if (min is { } lo && max is { } hi && hi < lo)
                {
                    context.AddFailure("maxAllowed", $"must be >= minAllowed (got {container.MaxAllowed} < {container.MinAllowed})");
                }
            });
    }

    private static Memory? Quantity(string? text, string path, ValidationContext<IList<V1alpha1ContainerPolicy>> context)
    {
        if (text is null)
        {
            return null;
        }

        if (!Memory.TryParse(text, out var memory, out var error))
        {
            context.AddFailure(path, error);
            return null;
        }

        if (memory.Bytes < 0)
        {
            context.AddFailure(path, $"must not be negative (got '{text}')");
            return null;
        }

        return memory;
    }
}
