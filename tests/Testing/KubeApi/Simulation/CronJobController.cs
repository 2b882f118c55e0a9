using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The CronJob controller without its clock (kubernetes <c>pkg/controller/cronjob</c>): a test triggers a run, which
/// creates the Job as a scheduled run would, named <c>&lt;cronjob&gt;-&lt;scheduled time in minutes since the epoch&gt;</c>,
/// with the jobTemplate's labels, annotations and spec, the <c>batch.kubernetes.io/cronjob-scheduled-timestamp</c>
/// annotation and the controller reference, and records it in <c>status.active</c> and <c>lastScheduleTime</c>.
/// Reconciling drops finished or deleted Jobs from <c>active</c> and sets <c>lastSuccessfulTime</c>.
/// </summary>
internal sealed class CronJobController(ApiServerState state, ResourceWrites writes) : ISimulatedController
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";
    private static readonly ResourceType CronJobs = ControllerObjects.Find("batch", "cronjobs");
    private static readonly ResourceType Jobs = ControllerObjects.Find("batch", "jobs");

    public IReadOnlyList<ResourceType> Watches { get; } = [CronJobs, Jobs];

    /// <summary>Runs the CronJob now (the current minute as its scheduled time) and returns the Job's name.</summary>
    public async Task<string> TriggerAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var cronJob = state.Store.Get(CronJobs, ns, name) ?? throw new ApiStatusException(StatusErrors.NotFound(CronJobs.Resource, name));
        var now = state.Time.GetUtcNow();
        var scheduled = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var jobName = $"{name}-{(scheduled.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)}";
        var template = cronJob["spec"]?["jobTemplate"] as JsonObject ?? [];
        var annotations = (JsonObject)(template["metadata"]?["annotations"]?.DeepClone() ?? new JsonObject());
        annotations[ScheduledTimestampAnnotation] = ObjectMeta.Timestamp(scheduled);
        var metadata = new JsonObject
        {
            ["name"] = jobName,
            ["namespace"] = ns,
            ["annotations"] = annotations,
            ["ownerReferences"] = ControllerObjects.ControllerReference(cronJob),
        };
        if (template["metadata"]?["labels"] is JsonObject labels)
        {
            metadata["labels"] = labels.DeepClone();
        }

        var job = await writes.CreateAsync(new ApiPath(Jobs, ns, "", ""), new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        }, WriteOptions.Internal("kube-controller-manager", ControllerObjects.ServiceAccount("cronjob-controller")), [], cancellationToken);

        var status = (JsonObject)(cronJob["status"]?.DeepClone() ?? new JsonObject());
        var active = status["active"] as JsonArray ?? [];
        active.Add(new JsonObject
        {
            ["kind"] = "Job",
            ["namespace"] = ns,
            ["name"] = jobName,
            ["uid"] = ObjectMeta.Uid(job),
            ["apiVersion"] = "batch/v1",
            ["resourceVersion"] = job["metadata"]?["resourceVersion"]?.DeepClone(),
        });
        status["active"] = active;
        status["lastScheduleTime"] = ObjectMeta.Timestamp(scheduled);
        ControllerObjects.SetStatus(state.Store, CronJobs, cronJob, status);
        return jobName;
    }

    public Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var jobs = state.Store.List(Jobs, null).Items;
        foreach (var cronJob in state.Store.List(CronJobs, null).Items)
        {
            if (cronJob["status"]?["active"] is not JsonArray active)
            {
                continue;
            }

            var status = (JsonObject)cronJob["status"]!.DeepClone();
            var remaining = new JsonArray();
            foreach (var reference in active.OfType<JsonObject>())
            {
                var job = jobs.FirstOrDefault(j => ObjectMeta.Uid(j) == reference["uid"]?.ToString());
                if (job is not null && !JobController.IsFinished(job))
                {
                    remaining.Add(reference.DeepClone());
                }
                else if (job?["status"]?["completionTime"] is { } completed)
                {
                    status["lastSuccessfulTime"] = completed.DeepClone();
                }
            }

            if (remaining.Count == 0)
            {
                status.Remove("active");
            }
            else
            {
                status["active"] = remaining;
            }

            ControllerObjects.SetStatus(state.Store, CronJobs, cronJob, status);
        }

        return Task.CompletedTask;
    }
}
