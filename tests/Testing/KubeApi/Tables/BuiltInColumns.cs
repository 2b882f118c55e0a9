using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Tables;

/// <summary>
/// The printer columns of the built-in kinds, as kubernetes/kubernetes pkg/printers/internalversion/printers.go
/// defines them (names, types, wide-only priority 1) and fills them for the cases the tests meet.
/// </summary>
public static class BuiltInColumns
{
    private const string NameDoc = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
    private const string AgeDoc = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static TableColumn Name { get; } = new("Name", "string", "name", NameDoc, 0, (o, _) => ObjectMeta.Name(o));

    public static TableColumn Age { get; } = new("Age", "string", "", AgeDoc, 0, (o, now) => AgeOf(o["metadata"]?["creationTimestamp"], now));

    public static IReadOnlyList<TableColumn> For(ResourceType type) => (type.Group, type.Plural) switch
    {
        ("", "pods") => Pods,
        ("", "nodes") => Nodes,
        ("", "namespaces") => [Name, Text("Status", "The status of the namespace", o => o["status"]?["phase"]), Age],
        ("", "events") => Events,
        ("apps", "deployments") => Deployments,
        ("apps", "replicasets") => [Name, Int("Desired", o => o["spec"]?["replicas"]), Int("Current", o => o["status"]?["replicas"]), Int("Ready", o => o["status"]?["readyReplicas"]), Age],
        ("apps", "statefulsets") => [Name, Text("Ready", "Number of the pod with ready state", o => Ratio(o["status"]?["readyReplicas"], o["spec"]?["replicas"])), Age],
        ("apps", "daemonsets") => [Name, Int("Desired", o => o["status"]?["desiredNumberScheduled"]), Int("Current", o => o["status"]?["currentNumberScheduled"]), Int("Ready", o => o["status"]?["numberReady"]), Int("Up-to-date", o => o["status"]?["updatedNumberScheduled"]), Int("Available", o => o["status"]?["numberAvailable"]), Age],
        ("batch", "jobs") => [Name, Text("Status", "Status of the job", JobStatus), Text("Completions", "The completion status of the job", o => Ratio(o["status"]?["succeeded"], o["spec"]?["completions"] ?? 1)), Age],
        ("batch", "cronjobs") => [Name, Text("Schedule", "The schedule", o => o["spec"]?["schedule"]), Text("Suspend", "Whether suspended", o => (o["spec"]?["suspend"]?.GetValue<bool>() ?? false) ? "True" : "False"), Int("Active", o => (o["status"]?["active"] as JsonArray)?.Count ?? 0), Age],
        ("policy", "poddisruptionbudgets") => [Name, Text("Min Available", "The minimum number of pods that must be available", o => o["spec"]?["minAvailable"] ?? "N/A"), Text("Max Unavailable", "The maximum number of pods that may be unavailable", o => o["spec"]?["maxUnavailable"] ?? "N/A"), Int("Allowed Disruptions", o => o["status"]?["disruptionsAllowed"] ?? 0), Age],
        ("coordination.k8s.io", "leases") => [Name, Text("Holder", "The holder of the lease", o => o["spec"]?["holderIdentity"] ?? ""), Age],
        ("admissionregistration.k8s.io", _) => [Name, Int("Webhooks", o => (o["webhooks"] as JsonArray)?.Count ?? 0), Age],
        _ => [Name, new TableColumn("Created At", "date", "", AgeDoc, 0, (o, _) => o["metadata"]?["creationTimestamp"]?.DeepClone())],
    };

    private static IReadOnlyList<TableColumn> Pods { get; } =
    [
        Name,
        Text("Ready", "The aggregate readiness state of this pod for accepting traffic.", o => Ratio(ContainerStatuses(o).Count(c => c["ready"]?.GetValue<bool>() == true), (o["spec"]?["containers"] as JsonArray)?.Count ?? 0)),
        Text("Status", "The aggregate status of the containers in this pod.", PodStatus),
        new("Restarts", "string", "", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", 0, Restarts),
        Age,
        Wide("IP", "The IP address assigned to the pod", o => o["status"]?["podIP"] ?? "<none>"),
        Wide("Node", "The name of the node where the pod is scheduled", o => o["spec"]?["nodeName"] ?? "<none>"),
        Wide("Nominated Node", "The name of the node where the pod is nominated", o => o["status"]?["nominatedNodeName"] ?? "<none>"),
        Wide("Readiness Gates", "The readiness gates of the pod", _ => "<none>"),
    ];

    private static IReadOnlyList<TableColumn> Nodes { get; } =
    [
        Name,
        Text("Status", "The status of the node", NodeStatus),
        Text("Roles", "The roles of the node", NodeRoles),
        Age,
        Text("Version", "Kubelet Version reported by the node.", o => o["status"]?["nodeInfo"]?["kubeletVersion"] ?? ""),
        Wide("Internal-IP", "List of addresses reachable to the node", o => Address(o, "InternalIP")),
        Wide("External-IP", "List of addresses reachable to the node", o => Address(o, "ExternalIP")),
        Wide("OS-Image", "OS Image reported by the node", o => o["status"]?["nodeInfo"]?["osImage"] ?? "<unknown>"),
        Wide("Kernel-Version", "Kernel Version reported by the node", o => o["status"]?["nodeInfo"]?["kernelVersion"] ?? "<unknown>"),
        Wide("Container-Runtime", "Container Runtime Version reported by the node", o => o["status"]?["nodeInfo"]?["containerRuntimeVersion"] ?? "<unknown>"),
    ];

    private static IReadOnlyList<TableColumn> Deployments { get; } =
    [
        Name,
        Text("Ready", "Number of the pod with ready state", o => Ratio(o["status"]?["readyReplicas"], o["spec"]?["replicas"])),
        Int("Up-to-date", o => o["status"]?["updatedReplicas"] ?? 0),
        Int("Available", o => o["status"]?["availableReplicas"] ?? 0),
        Age,
        Wide("Containers", "Names of each container in the template.", o => Join(o["spec"]?["template"]?["spec"]?["containers"], "name")),
        Wide("Images", "Images referenced by each container in the template.", o => Join(o["spec"]?["template"]?["spec"]?["containers"], "image")),
        Wide("Selector", "Label selector for pods.", o => string.Join(",", (o["spec"]?["selector"]?["matchLabels"] as JsonObject ?? []).Select(p => $"{p.Key}={p.Value}"))),
    ];

    private static IReadOnlyList<TableColumn> Events { get; } =
    [
        new("Last Seen", "string", "", "Time when last event occurred", 0, (o, now) => AgeOf(o["lastTimestamp"] ?? o["eventTime"] ?? o["metadata"]?["creationTimestamp"], now)),
        Text("Type", "Type of this event.", o => o["type"] ?? ""),
        Text("Reason", "Reason why this event was generated.", o => o["reason"] ?? ""),
        Text("Object", "The object this event is about.", o => $"{o["involvedObject"]?["kind"]?.ToString().ToLowerInvariant()}/{o["involvedObject"]?["name"]}"),
        Text("Message", "A human-readable description of the status of this operation.", o => o["message"]?.ToString().Trim() ?? ""),
    ];

    private static TableColumn Text(string name, string description, Func<JsonObject, JsonNode?> cell) =>
        new(name, "string", "", description, 0, (o, _) => cell(o)?.DeepClone());

    private static TableColumn Wide(string name, string description, Func<JsonObject, JsonNode?> cell) =>
        new(name, "string", "", description, 1, (o, _) => cell(o)?.DeepClone());

    private static TableColumn Int(string name, Func<JsonObject, JsonNode?> cell) =>
        new(name, "integer", "", name, 0, (o, _) => cell(o)?.DeepClone() ?? 0);

    private static JsonNode AgeOf(JsonNode? timestamp, DateTimeOffset now) =>
        ObjectMeta.ParseTime(timestamp) is { } time ? HumanDuration.Format(now - time) : "<unknown>";

    private static string Ratio(JsonNode? have, JsonNode? want) => $"{have?.ToString() ?? "0"}/{want?.ToString() ?? "0"}";

    private static string Ratio(int have, int want) => $"{have}/{want}";

    private static IReadOnlyList<JsonObject> ContainerStatuses(JsonObject pod) =>
        pod["status"]?["containerStatuses"] is JsonArray statuses ? [.. statuses.OfType<JsonObject>()] : [];

    private static JsonNode PodStatus(JsonObject pod)
    {
        var reason = pod["status"]?["reason"]?.ToString() ?? pod["status"]?["phase"]?.ToString() ?? "Pending";
        foreach (var container in ContainerStatuses(pod))
        {
            if (container["state"]?["waiting"]?["reason"]?.ToString() is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (container["state"]?["terminated"]?["reason"]?.ToString() is { Length: > 0 } terminated)
            {
                reason = terminated;
            }
        }

        return ObjectMeta.IsDeleting(pod) ? "Terminating" : reason;
    }

    private static JsonNode Restarts(JsonObject pod, DateTimeOffset now)
    {
        var statuses = ContainerStatuses(pod);
        var restarts = statuses.Sum(c => c["restartCount"]?.GetValue<int>() ?? 0);
        var last = statuses
            .Select(c => ObjectMeta.ParseTime(c["lastState"]?["terminated"]?["finishedAt"]))
            .Where(t => t is not null)
            .Max();
        return last is { } time && restarts > 0 ? $"{restarts} ({HumanDuration.Format(now - time)} ago)" : $"{restarts}";
    }

    private static JsonNode NodeStatus(JsonObject node)
    {
        var ready = (node["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.ToString() == "Ready")?["status"]?.ToString();
        var status = ready switch { "True" => "Ready", null => "Unknown", _ => "NotReady" };
        return node["spec"]?["unschedulable"]?.GetValue<bool>() == true ? status + ",SchedulingDisabled" : status;
    }

    private static JsonNode NodeRoles(JsonObject node)
    {
        const string prefix = "node-role.kubernetes.io/";
        var roles = ObjectMeta.Labels(node).Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order().ToList();
        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    private static JsonNode Address(JsonObject node, string type) =>
        (node["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => a["type"]?.ToString() == type)?["address"]?.ToString() ?? "<none>";

    private static JsonNode JobStatus(JsonObject job)
    {
        var conditions = (job["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().Where(c => c["status"]?.ToString() == "True").Select(c => c["type"]?.ToString()).ToList() ?? [];
        return conditions.Contains("Complete") ? "Complete" : conditions.Contains("Failed") ? "Failed" : "Running";
    }

    private static string Join(JsonNode? containers, string field) =>
        containers is JsonArray list ? string.Join(",", list.Select(c => c?[field]?.ToString())) : "";
}
