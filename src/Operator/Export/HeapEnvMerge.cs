namespace RightSizer.Operator.Export;

/// <summary>
/// Merges a proposed heap variable with the value a manifest already has: <c>JAVA_TOOL_OPTIONS</c> keeps every option
/// the user wrote and only replaces <c>-XX:MaxRAMPercentage</c>; other variables take the proposed value.
/// </summary>
public static class HeapEnvMerge
{
    public const string JavaToolOptions = "JAVA_TOOL_OPTIONS";

    private const string MaxRamPercentage = "-XX:MaxRAMPercentage=";

    public static string Merge(string name, string? existing, string proposed)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(proposed);
        if (name != JavaToolOptions || string.IsNullOrWhiteSpace(existing))
        {
            return proposed;
        }

        var wanted = proposed.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(IsMaxRam);
        if (wanted is null)
        {
            return existing;
        }

        // In place, so the user's order stays and a second run finds nothing to change.
        var options = existing.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = options.FindIndex(IsMaxRam);
        if (at < 0)
        {
            options.Add(wanted);
        }
        else
        {
            options[at] = wanted;
        }

        return string.Join(' ', options);
    }

    private static bool IsMaxRam(string option) => option.StartsWith(MaxRamPercentage, StringComparison.Ordinal);
}
