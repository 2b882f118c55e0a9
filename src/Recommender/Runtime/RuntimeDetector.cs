using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Runtime;

/// <summary>
/// Tells a JVM or .NET container from what its pod spec shows: image, command, args and env. Image-config env (such as
/// JAVA_HOME set by Temurin images) is not in the pod spec, so image names carry most of the signal.
/// </summary>
public static class RuntimeDetector
{
    private static readonly string[] JvmImageMarkers =
        ["openjdk", "eclipse-temurin", "temurin", "amazoncorretto", "corretto", "ibm-semeru", "semeru", "graalvm", "/jre", "/jdk", "-jre", "-jdk", "zulu", "liberica"];

    private static readonly string[] JvmEnv = ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME"];

    private static readonly string[] DotNetImageMarkers = ["mcr.microsoft.com/dotnet/", "dotnet/aspnet", "dotnet/runtime"];

    /// <summary>The runtime the policy names, or, for Auto, the one the hints show (None when they show none).</summary>
    public static RuntimeKind Detect(RuntimeKind policy, ContainerRuntimeHints? hints)
    {
        if (policy != RuntimeKind.Auto)
        {
            return policy;
        }

        if (hints is null)
        {
            return RuntimeKind.None;
        }

        if (IsJvm(hints))
        {
            return RuntimeKind.JVM;
        }

        return IsDotNet(hints) ? RuntimeKind.DotNet : RuntimeKind.None;
    }

    private static bool IsJvm(ContainerRuntimeHints hints)
    {
        var image = hints.Image?.ToLowerInvariant() ?? string.Empty;
        return JvmImageMarkers.Any(image.Contains)
            || StartsWithProgram(hints, "java")
            || JvmEnv.Any(hints.Env.ContainsKey);
    }

    private static bool IsDotNet(ContainerRuntimeHints hints)
    {
        var image = hints.Image?.ToLowerInvariant() ?? string.Empty;
        return DotNetImageMarkers.Any(image.Contains)
            || StartsWithProgram(hints, "dotnet")
            || hints.Env.Keys.Any(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal));
    }

    private static bool StartsWithProgram(ContainerRuntimeHints hints, string program)
    {
        var first = hints.Command.Count > 0 ? hints.Command[0] : hints.Args.Count > 0 ? hints.Args[0] : null;
        if (first is null)
        {
            return false;
        }

        var name = first[(first.LastIndexOf('/') + 1)..];
        return name == program;
    }
}
