namespace RightSizer.Recommender.Model;

/// <summary>What a pod spec says about a container's runtime: enough to detect a JVM or .NET process.</summary>
public sealed record ContainerRuntimeHints(
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env)
{
    public static ContainerRuntimeHints Empty { get; } =
        new(null, [], [], new Dictionary<string, string>(StringComparer.Ordinal));
}
