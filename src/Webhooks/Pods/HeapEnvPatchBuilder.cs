using System.Text.RegularExpressions;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Heap settings from the recommendation, as environment variables. JVM: <c>-XX:MaxRAMPercentage=n</c> appended to
/// <c>JAVA_TOOL_OPTIONS</c>, keeping what is there, unless an explicit <c>-Xmx</c> decides the heap. .NET:
/// <c>DOTNET_GCHeapHardLimitPercent</c> (hexadecimal, as the runtime reads it). A variable the user set wins over
/// ours, with a warning; entries with <c>valueFrom</c> are never touched.
/// </summary>
public static partial class HeapEnvPatchBuilder
{
    public const string JavaToolOptions = "JAVA_TOOL_OPTIONS";
    public const string HeapHardLimitPercent = "DOTNET_GCHeapHardLimitPercent";
    private const string HeapHardLimit = "DOTNET_GCHeapHardLimit";

    // Where the JVM reads an explicit heap size from, besides the command line.
    private static readonly string[] JvmOptionVariables = [JavaToolOptions, "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"];

    public static void Build(ContainerSlot slot, V1alpha1HeapSettings? heap, ICollection<JsonPatchOperation> patch, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(warnings);
        if (heap?.Env is null)
        {
            return;
        }

        if (heap.Runtime == nameof(RuntimeKind.JVM) && heap.Env.TryGetValue(JavaToolOptions, out var options) && MaxRamPercentageIn(options) is { } option)
        {
            Jvm(slot, option, patch, warnings);
        }
        else if (heap.Runtime == nameof(RuntimeKind.DotNet) && heap.Env.TryGetValue(HeapHardLimitPercent, out var percent) && !string.IsNullOrWhiteSpace(percent))
        {
            DotNet(slot, percent, patch, warnings);
        }
    }

    private static void Jvm(ContainerSlot slot, string option, ICollection<JsonPatchOperation> patch, ICollection<string> warnings)
    {
        var container = slot.Container;
        var env = container.Env ?? [];
        if (SetsHeap(container.Command) || SetsHeap(container.Args) || SetsHeapInOptions(env))
        {
            warnings.Add($"container {slot.Name}: an explicit -Xmx sets the heap and wins over {option}: not added");
            return;
        }

        var index = LastIndex(env, JavaToolOptions);
        if (index < 0)
        {
            AddVariable(slot, JavaToolOptions, option, patch);
            return;
        }

        var entry = env[index]!;
        if (entry.ValueFrom is not null)
        {
            warnings.Add($"container {slot.Name}: {JavaToolOptions} comes from valueFrom: {option} not added");
            return;
        }

        var value = entry.Value ?? string.Empty;
        if (MaxRamPercentageIn(value) is { } existing)
        {
            if (existing != option)
            {
                warnings.Add($"container {slot.Name}: {JavaToolOptions} already sets {existing}, which wins over {option}");
            }

            return;
        }

        var appended = value.Trim().Length == 0 ? option : value.TrimEnd() + " " + option;
        patch.Add(JsonPatchOperation.Add($"{slot.Path}/env/{index}/value", PatchValue.Text(appended)));
    }

    private static void DotNet(ContainerSlot slot, string percent, ICollection<JsonPatchOperation> patch, ICollection<string> warnings)
    {
        var env = slot.Container.Env ?? [];
        var index = LastIndex(env, HeapHardLimitPercent);
        if (index >= 0)
        {
            var entry = env[index]!;
            if (entry.ValueFrom is not null || !string.Equals(entry.Value, percent, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"container {slot.Name}: {HeapHardLimitPercent} is set by the pod ({entry.Value ?? "valueFrom"}), which wins over {percent}");
            }

            return;
        }

        if (LastIndex(env, HeapHardLimit) >= 0)
        {
            warnings.Add($"container {slot.Name}: {HeapHardLimit} is set and wins over {HeapHardLimitPercent}: not added");
            return;
        }

        AddVariable(slot, HeapHardLimitPercent, percent, patch);
    }

    private static void AddVariable(ContainerSlot slot, string name, string value, ICollection<JsonPatchOperation> patch)
    {
        patch.Add(slot.Container.Env is null
            ? JsonPatchOperation.Add(slot.Path + "/env", PatchValue.EnvList(name, value))
            : JsonPatchOperation.Add(slot.Path + "/env/-", PatchValue.EnvVar(name, value)));
    }

    private static bool SetsHeap(IReadOnlyList<string?>? arguments)
    {
        for (var i = 0; i < (arguments?.Count ?? 0); i++)
        {
            if (arguments![i] is { } argument && ExplicitHeap().IsMatch(argument))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsHeapInOptions(IReadOnlyList<EnvVarView?> env)
    {
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i] is { Name: { } name, Value: { } value } && Array.IndexOf(JvmOptionVariables, name) >= 0 && ExplicitHeap().IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    // Kubernetes lets the last of two entries with the same name win.
    private static int LastIndex(IReadOnlyList<EnvVarView?> env, string name)
    {
        for (var i = env.Count - 1; i >= 0; i--)
        {
            if (env[i]?.Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    // The first match without a Match object: only its text is kept.
    private static string? MaxRamPercentageIn(string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var match in MaxRamPercentage().EnumerateMatches(value))
        {
            return value.Substring(match.Index, match.Length);
        }

        return null;
    }

    [GeneratedRegex(@"-XX:MaxRAMPercentage=\S+", RegexOptions.CultureInvariant)]
    private static partial Regex MaxRamPercentage();

    [GeneratedRegex(@"(^|\s)(-Xmx\S+|-XX:MaxHeapSize=\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitHeap();
}
