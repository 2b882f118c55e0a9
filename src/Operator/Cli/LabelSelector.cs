namespace RightSizer.Operator.Cli;

/// <summary>Parses a kubectl-style equality selector (<c>app=web,tier==api</c>) into label requirements.</summary>
public static class LabelSelector
{
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return labels;
        }

        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = term.Split("==", 2) is { Length: 2 } doubled ? doubled : term.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || term.Contains("!=", StringComparison.Ordinal))
            {
                throw new CliInputException($"--selector '{text}': term '{term}' is not key=value (only equality is supported)");
            }

            labels[parts[0].Trim()] = parts[1].Trim();
        }

        return labels;
    }
}
