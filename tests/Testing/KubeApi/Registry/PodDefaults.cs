using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// The pod fields the real server fills on create (core/v1 defaults.go and the pod strategy's PrepareForCreate): requests
/// defaulted from limits, restart policy, grace period, pull policy, status Pending with the QoS class.
/// </summary>
public static class PodDefaults
{
    public static void Apply(JsonObject pod)
    {
        var spec = pod["spec"] as JsonObject ?? [];
        pod["spec"] = spec;
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["securityContext"] ??= new JsonObject();
        spec["enableServiceLinks"] ??= true;
        if (spec["serviceAccountName"] is null)
        {
            spec["serviceAccountName"] = "default";
            spec["serviceAccount"] = "default";
        }

        foreach (var container in Containers(spec))
        {
            DefaultRequestsFromLimits(container);
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["imagePullPolicy"] ??= PullPolicy(container["image"]?.ToString() ?? "");
        }
    }

    public static void InitialStatus(JsonObject pod)
    {
        pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = PodQos.Of(pod) };
    }

    private static IEnumerable<JsonObject> Containers(JsonObject spec) =>
        new[] { spec["initContainers"], spec["containers"] }.OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>());

    private static void DefaultRequestsFromLimits(JsonObject container)
    {
        if (container["resources"]?["limits"] is not JsonObject limits)
        {
            return;
        }

        var resources = (JsonObject)container["resources"]!;
        var requests = resources["requests"] as JsonObject ?? [];
        foreach (var (name, value) in limits)
        {
            requests[name] ??= value?.DeepClone();
        }

        resources["requests"] = requests;
    }

    private static string PullPolicy(string image)
    {
        var tagged = image.LastIndexOf(':') > image.LastIndexOf('/');
        return !tagged || image.EndsWith(":latest", StringComparison.Ordinal) ? "Always" : "IfNotPresent";
    }
}
