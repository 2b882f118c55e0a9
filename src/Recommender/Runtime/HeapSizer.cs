using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Runtime;

/// <summary>
/// Fits a managed heap inside the container's memory: the heap may take the share of the limit that
/// <c>heapHeadroom</c> leaves, or, when heap metrics exist, the share the measured heap needs next to the measured
/// non-heap memory (<see cref="Measure"/> gives what both need, which the sizing chain grows the memory to; the settings
/// are then taken of the final memory). JVM: <c>-XX:MaxRAMPercentage</c> in JAVA_TOOL_OPTIONS (an explicit <c>-Xmx</c> on the command line
/// wins over it). .NET: <c>DOTNET_GCHeapHardLimitPercent</c>, whose value the runtime reads as hexadecimal.
/// </summary>
public static class HeapSizer
{
    private const double MinHeapPercent = 10;
    private const double MaxHeapPercent = 90;

    // Measured heap peaks get this margin, like the limit's peak: the heap must fit the next peak, not the last one.
    private const double HeapMargin = 0.1;

    /// <summary>The heap and non-heap peaks of a container whose heap is measured; null when it is not.</summary>
    /// <param name="heapUsage">Measured heap samples inside the window; may be empty.</param>
    /// <param name="usage">Working-set samples inside the window, for the non-heap share.</param>
    public static HeapPeaks? Measure(ReadOnlySpan<Sample> heapUsage, ReadOnlySpan<Sample> usage) =>
        heapUsage.IsEmpty ? null : new HeapPeaks(PeakEstimator.Peak(heapUsage).Value * (1 + HeapMargin), PeakNonHeap(heapUsage, usage));

    /// <summary>The heap settings for the final memory; null for a runtime without a managed heap.</summary>
    /// <param name="runtime">JVM or DotNet; anything else gives null.</param>
    /// <param name="memory">The final limit, or the request when the policy sets no limit.</param>
    /// <param name="peaks">The measured peaks (<see cref="Measure"/>); null sizes the heap by heapHeadroom.</param>
    public static HeapSettings? Settings(
        RuntimeKind runtime,
        ContainerRuntimeHints? hints,
        Memory memory,
        bool isLimit,
        double heapHeadroom,
        HeapPeaks? peaks)
    {
        if (runtime is not (RuntimeKind.JVM or RuntimeKind.DotNet))
        {
            return null;
        }

        var notes = new List<string>();
        if (!isLimit)
        {
            notes.Add("no memory limit: the heap share is taken of the request; the runtime sizes by the node's memory until a limit is set");
        }

        double percent;
        if (peaks is not null)
        {
            percent = Math.Clamp(Math.Floor(peaks.Heap / memory.Bytes * 100), MinHeapPercent, MaxHeapPercent);
            notes.Add(Invariant($"heap sized from measured peaks: heap {Memory.FromBytes(peaks.Heap).ToHuman()}, non-heap {Memory.FromBytes(peaks.NonHeap).ToHuman()}"));
            if (memory < peaks.Needed)
            {
                notes.Add(Invariant($"the memory ({memory.ToHuman()}) is below the {peaks.Needed.ToHuman()} the measured peaks need: maxAllowed or a kept limit caps it"));
            }
        }
        else
        {
            percent = Math.Clamp(Math.Round((1 - heapHeadroom) * 100), MinHeapPercent, MaxHeapPercent);
        }

        var maxHeap = Memory.FromBytes(memory.Bytes * percent / 100);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (runtime == RuntimeKind.JVM)
        {
            var option = Invariant($"-XX:MaxRAMPercentage={percent:0.0}");
            var existing = hints?.Env.GetValueOrDefault("JAVA_TOOL_OPTIONS");
            env["JAVA_TOOL_OPTIONS"] = string.IsNullOrWhiteSpace(existing) ? option : existing + " " + option;
            if (HasExplicitXmx(hints))
            {
                notes.Add("an explicit -Xmx in the command line wins over MaxRAMPercentage: remove it for this setting to apply");
            }
        }
        else
        {
            // The .NET runtime parses GC settings from the environment as hexadecimal: 75% is 0x4B.
            env["DOTNET_GCHeapHardLimitPercent"] = "0x" + ((int)percent).ToString("X", CultureInfo.InvariantCulture);
            if (hints?.Env.ContainsKey("DOTNET_GCHeapHardLimit") == true)
            {
                notes.Add("DOTNET_GCHeapHardLimit is set and wins over DOTNET_GCHeapHardLimitPercent: remove it for this setting to apply");
            }
        }

        return new HeapSettings(runtime, maxHeap, env, notes);
    }

    // The largest working set minus the heap at the same time: stacks, metaspace or JIT code, native buffers.
    private static double PeakNonHeap(ReadOnlySpan<Sample> heap, ReadOnlySpan<Sample> usage)
    {
        var peak = 0.0;
        var h = 0;
        foreach (var sample in usage)
        {
            while (h < heap.Length && heap[h].Timestamp < sample.Timestamp)
            {
                h++;
            }

            if (h < heap.Length && heap[h].Timestamp == sample.Timestamp)
            {
                peak = Math.Max(peak, sample.Value - heap[h].Value);
            }
        }

        return peak;
    }

    private static bool HasExplicitXmx(ContainerRuntimeHints? hints) =>
        hints is not null
        && hints.Command.Concat(hints.Args).Any(a => a.Contains("-Xmx", StringComparison.Ordinal));
}
