using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The Job controller (kubernetes <c>pkg/controller/job</c>, NonIndexed completion mode): keeps
/// min(parallelism, completions - succeeded) pods active, each created with <c>generateName: &lt;job&gt;-</c>, the
/// template's job labels and the <c>batch.kubernetes.io/job-tracking</c> finalizer, which it removes once it has
/// counted the finished pod. When succeeded reaches completions the Job gets SuccessCriteriaMet and Complete; when
/// failures pass backoffLimit, FailureTarget and Failed (BackoffLimitExceeded) and its active pods are deleted.
/// Pods finish when something reports them Succeeded or Failed (a test, as the kubelet would).
/// </summary>
internal sealed class JobController(ApiServerState state, ResourceWrites writes, ResourceDeletes deletes) : ISimulatedController
{
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";
    private static readonly ResourceType Jobs = ControllerObjects.Find("batch", "jobs");

    public IReadOnlyList<ResourceType> Watches { get; } = [Jobs, ControllerObjects.Pods];

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pods = state.Store.List(ControllerObjects.Pods, null).Items;
        foreach (var job in state.Store.List(Jobs, null).Items)
        {
            var owned = pods.Where(p => ControllerObjects.IsControlledBy(p, job)).ToList();
            var status = (JsonObject)(job["status"]?.DeepClone() ?? new JsonObject());
            var succeeded = ControllerObjects.Int(status["succeeded"]);
            var failed = ControllerObjects.Int(status["failed"]);
            foreach (var pod in owned.Where(p => ObjectMeta.Finalizers(p).Contains(TrackingFinalizer) && !ControllerObjects.IsActive(p)))
            {
                if (!TryReleaseFinalizer(pod))
                {
                    continue;
                }

                if (ControllerObjects.Phase(pod) == "Succeeded")
                {
                    succeeded++;
                }
                else
                {
                    failed++;
                }
            }

            var active = owned.Where(ControllerObjects.IsActive).ToList();
            var finished = IsFinished(job);
            var now = ObjectMeta.Timestamp(state.Time.GetUtcNow());
            if (!finished && failed > ControllerObjects.Int(job["spec"]?["backoffLimit"]))
            {
                Finish(status, now, "FailureTarget", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
                finished = true;
            }

            var completions = job["spec"]?["completions"]?.GetValue<int>();
            if (!finished && (completions is { } c ? succeeded >= c : succeeded > 0 && active.Count == 0))
            {
                Finish(status, now, "SuccessCriteriaMet", "Complete", "CompletionsReached", "Reached expected number of succeeded pods");
                status["completionTime"] = now;
                finished = true;
            }

            var parallelism = job["spec"]?["parallelism"]?.GetValue<int>() ?? 1;
            var want = finished || job["spec"]?["suspend"]?.GetValue<bool>() == true ? 0
                : completions is { } total ? Math.Min(parallelism, total - succeeded)
                : succeeded > 0 ? 0 : parallelism;
            for (var i = active.Count; i < want; i++)
            {
                await writes.CreateAsync(new ApiPath(ControllerObjects.Pods, ObjectMeta.Namespace(job), "", ""), NewPod(job),
                    WriteOptions.Internal("kube-controller-manager", ControllerObjects.ServiceAccount("job-controller")), [], cancellationToken);
            }

            foreach (var extra in active.Skip(Math.Max(want, 0)))
            {
                deletes.Delete(ControllerObjects.Pods, ObjectMeta.Namespace(extra), ObjectMeta.Name(extra), null, null, dryRun: false);
            }

            status["startTime"] ??= now;
            status["active"] = want;
            status["ready"] = active.Count(ControllerObjects.IsReady);
            status["succeeded"] = succeeded;
            status["failed"] = failed;
            status["terminating"] = owned.Count(ObjectMeta.IsDeleting);
            status["uncountedTerminatedPods"] = new JsonObject();
            RemoveZeros(status);
            WriteStatus(job, status);
        }
    }

    /// <summary>A finished Job has a Complete or Failed condition that is True.</summary>
    public static bool IsFinished(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.ToString() is "Complete" or "Failed" && c["status"]?.ToString() == "True") == true;

    private static JsonObject NewPod(JsonObject job)
    {
        var pod = ControllerObjects.PodFromTemplate(job, job["spec"]?["template"]);
        var metadata = ObjectMeta.Of(pod);
        metadata["generateName"] = ObjectMeta.Name(job) + "-";
        metadata["finalizers"] = new JsonArray(TrackingFinalizer);
        return pod;
    }

    /// <summary>Removes the tracking finalizer; false when the pod changed meanwhile (it is counted on the next pass instead).</summary>
    private bool TryReleaseFinalizer(JsonObject pod)
    {
        var copy = (JsonObject)pod.DeepClone();
        var rest = ObjectMeta.Finalizers(pod).Where(f => f != TrackingFinalizer).Select(f => (JsonNode)f).ToArray();
        if (rest.Length == 0)
        {
            ObjectMeta.Of(copy).Remove("finalizers");
        }
        else
        {
            ObjectMeta.Of(copy)["finalizers"] = new JsonArray(rest);
        }
        try
        {
            state.Store.Replace(ControllerObjects.Pods, copy, ObjectMeta.ResourceVersion(pod));
            return true;
        }
        catch (ApiStatusException e) when (e.Status.Code is 404 or 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the status, re-reading the Job on a conflict: the counts include pods whose finalizer is already gone,
    /// so they must not be lost to a concurrent spec change.
    /// </summary>
    private void WriteStatus(JsonObject job, JsonObject status)
    {
        var current = job;
        while (true)
        {
            try
            {
                ControllerObjects.SetStatus(state.Store, Jobs, current, status);
                return;
            }
            catch (ApiStatusException e) when (e.Status.Code == 409)
            {
                current = state.Store.Get(Jobs, ObjectMeta.Namespace(job), ObjectMeta.Name(job))
                    ?? throw new ApiStatusException(StatusErrors.NotFound(Jobs.Resource, ObjectMeta.Name(job)));
            }
        }
    }

    private static void Finish(JsonObject status, string now, string interim, string final, string reason, string message)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        foreach (var type in new[] { interim, final })
        {
            conditions.Add(new JsonObject
            {
                ["type"] = type,
                ["status"] = "True",
                ["lastProbeTime"] = now,
                ["lastTransitionTime"] = now,
                ["reason"] = reason,
                ["message"] = message,
            });
        }

        status["conditions"] = conditions;
    }

    /// <summary>The controller leaves zero counts out of the status (omitempty), except ready and terminating.</summary>
    private static void RemoveZeros(JsonObject status)
    {
        foreach (var field in new[] { "active", "succeeded", "failed" })
        {
            if (ControllerObjects.Int(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
    }
}
