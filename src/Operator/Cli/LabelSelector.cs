using RightSizer.Recommender.History;
using RightSizer.Webhooks.Validation;

namespace RightSizer.Operator.Cli;

/// <summary>
/// Parses a kubectl-style equality selector (<c>app=web,tier==api</c>) into label requirements, ANDed as kubectl
/// does: a key given twice with two values matches no pod.
/// </summary>
public static class LabelSelector
{
    public static IReadOnlyList<LabelRequirement> Parse(string? text)
    {
        if (text is null)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliInputException("--selector '': give at least one key=value term");
        }

        var requirements = new List<LabelRequirement>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = term.Split("==", 2) is { Length: 2 } doubled ? doubled : term.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || term.Contains("!=", StringComparison.Ordinal))
            {
                throw new CliInputException($"--selector '{text}': term '{term}' is not key=value (only equality is supported)");
            }

            var requirement = new LabelRequirement(parts[0].Trim(), parts[1].Trim());
            if ((LabelSyntax.KeyProblem(requirement.Key) ?? LabelSyntax.ValueProblem(requirement.Value)) is { } problem)
            {
                throw new CliInputException($"--selector '{text}': {problem}");
            }

            requirements.Add(requirement);
        }

        return requirements;
    }
}
