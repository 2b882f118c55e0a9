using System.Globalization;
using System.Text;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>
/// The comment above each patch: what changes per container and the evidence for it (window, percentile, peak,
/// trend, confidence, OOM kills). No timestamps, so an unchanged recommendation gives the same text.
/// </summary>
public static class EvidenceComment
{
    public static string For(WorkloadPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var text = new StringBuilder();
        text.Append("rightsizer: ").Append(patch.Workload).Append(": memory from usage history");
        foreach (var container in patch.Containers)
        {
            text.Append('\n').Append("container ").Append(container.Container).Append(": ").Append(Change(container, patch.Manifest is not null));
            text.Append('\n').Append("  evidence: ").Append(Evidence(container.Evidence));
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>request 1Gi -> 512Mi, limit unset -> 640Mi</c>. A missing value of today reads <c>unset</c> when a manifest
    /// was read, <c>unknown</c> when not.
    /// </summary>
    public static string Change(ContainerProposal container, bool manifestRead)
    {
        ArgumentNullException.ThrowIfNull(container);
        var missing = manifestRead ? "unset" : "unknown";
        var request = $"request {Value(container.CurrentRequest, missing)} -> {container.Request.ToQuantity()}";
        return container.Limit is { } limit
            ? $"{request}, limit {Value(container.CurrentLimit, missing)} -> {limit.ToQuantity()}"
            : $"{request}, limit left as it is";
    }

    public static string Evidence(ContainerEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var parts = new List<string>();
        if (evidence.WindowCovered is { } window)
        {
            parts.Add(evidence.Samples is { } samples
                ? string.Create(CultureInfo.InvariantCulture, $"window {PromDuration.Format(window)} ({samples} samples)")
                : $"window {PromDuration.Format(window)}");
        }

        if (evidence.RequestPercentile is { } percentile)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"request at p{percentile:0.##}"));
        }

        if (evidence.Peak is { } peak)
        {
            parts.Add("peak " + peak.ToHuman());
        }

        parts.Add(evidence.TrendPerDay switch
        {
            null => "trend unknown",
            { } slope when !evidence.TrendSignificant => $"trend flat ({Signed(slope)}/day, not significant)",
            { } slope => $"trend {Signed(slope)}/day",
        });
        if (evidence.Confidence is { } confidence)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {confidence:0.00}"));
        }

        if (evidence.OomKills is { } kills)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"OOM kills {kills}"));
        }

        return string.Join(", ", parts);
    }

    private static string Value(Memory? memory, string missing) => memory is { } m ? m.ToQuantity() : missing;

    private static string Signed(Memory slope) => (slope.Bytes >= 0 ? "+" : string.Empty) + slope.ToHuman();
}
