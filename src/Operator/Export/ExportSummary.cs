using System.Globalization;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>The one-line summary on stderr: <c>3 workloads, 4 containers, requested 2.5Gi -> 1.9Gi</c>.</summary>
public static class ExportSummary
{
    public static string Format(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var containers = plan.Patches.SelectMany(p => p.Containers).ToList();
        var known = containers.Where(c => c.CurrentRequest is not null).ToList();
        var today = new Memory(known.Sum(c => c.CurrentRequest!.Value.Bytes)).ToHuman();
        var proposed = new Memory(containers.Sum(c => c.Request.Bytes)).ToHuman();
        var todayText = known.Count == containers.Count
            ? today
            : known.Count == 0 ? "unknown" : string.Create(CultureInfo.InvariantCulture, $"{today} ({known.Count} of {containers.Count} known)");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{plan.Patches.Count} workload{Plural(plan.Patches.Count)}, {containers.Count} container{Plural(containers.Count)}, requested {todayText} -> {proposed}");
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
