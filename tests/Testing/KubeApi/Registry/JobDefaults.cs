using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// The Job fields the real server fills (batch/v1 defaults.go and the job strategy's generateSelector): parallelism
/// and completions 1 when neither is set, backoffLimit 6, completionMode NonIndexed, suspend false; without
/// <c>manualSelector</c> a selector on the Job's uid and the uid and job-name labels on its pod template.
/// </summary>
public static class JobDefaults
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    public static void Apply(JsonObject job)
    {
        var spec = job["spec"] as JsonObject ?? [];
        if (spec["parallelism"] is null && spec["completions"] is null)
        {
            spec["completions"] = 1;
        }

        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        job["spec"] = spec;
    }

    public static void GenerateSelector(JsonObject job)
    {
        var spec = job["spec"] as JsonObject ?? [];
        if (spec["manualSelector"]?.GetValue<bool>() == true)
        {
            return;
        }

        var uid = ObjectMeta.Uid(job);
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [ControllerUidLabel] = uid } };
        var template = spec["template"] as JsonObject ?? [];
        var metadata = ObjectMeta.Of(template);
        var labels = metadata["labels"] as JsonObject ?? [];
        labels[ControllerUidLabel] = uid;
        labels[JobNameLabel] = ObjectMeta.Name(job);
        labels["controller-uid"] = uid;
        labels["job-name"] = ObjectMeta.Name(job);
        metadata["labels"] = labels;
        spec["template"] = template;
        job["spec"] = spec;
    }
}
