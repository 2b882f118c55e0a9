namespace RightSizer.Operator.Export;

/// <summary>
/// File names for per-workload patches: <c>namespace.kind.name</c> in lower case, with any character a file name
/// should not hold replaced, so the names are stable and sort with the workloads.
/// </summary>
public static class PatchFileNames
{
    public static string For(WorkloadRef workload, string extension)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return $"{Safe(workload.Namespace)}.{Safe(workload.Kind)}.{Safe(workload.Name)}{extension}";
    }

    private static string Safe(string part) =>
        string.Concat(part.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
