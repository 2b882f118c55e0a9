using System.Text.Json.Nodes;

namespace RightSizer.Testing.Builders;

/// <summary>admission.k8s.io/v1 AdmissionReview requests as the API server sends them.</summary>
public static class AdmissionReviewBuilder
{
    public static JsonObject ForPod(JsonObject pod, string uid = "3f1c5e2a-0000-4000-8000-000000000001", bool dryRun = false, string operation = "CREATE") =>
        Review(uid, new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
            new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            pod["metadata"]?["namespace"]?.GetValue<string>() ?? "default", pod["metadata"]?["name"]?.GetValue<string>(), pod, dryRun, operation);

    public static JsonObject ForMemoryPolicy(JsonObject policy, string uid = "3f1c5e2a-0000-4000-8000-000000000003", string operation = "CREATE") =>
        Review(uid, new JsonObject { ["group"] = "rightsizer.io", ["version"] = "v1alpha1", ["kind"] = "MemoryPolicy" },
            new JsonObject { ["group"] = "rightsizer.io", ["version"] = "v1alpha1", ["resource"] = "memorypolicies" },
            policy["metadata"]?["namespace"]?.GetValue<string>() ?? "default", policy["metadata"]?["name"]?.GetValue<string>(), policy, false, operation);

    private static JsonObject Review(string uid, JsonObject kind, JsonObject resource, string @namespace, string? name, JsonObject obj, bool dryRun, string operation)
    {
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = kind,
            ["resource"] = resource,
            ["requestKind"] = kind.DeepClone(),
            ["requestResource"] = resource.DeepClone(),
            ["namespace"] = @namespace,
            ["operation"] = operation,
            ["userInfo"] = new JsonObject
            {
                ["username"] = "system:serviceaccount:kube-system:replicaset-controller",
                ["groups"] = new JsonArray("system:serviceaccounts", "system:authenticated"),
            },
            ["object"] = obj.DeepClone(),
            ["oldObject"] = null,
            ["dryRun"] = dryRun,
            ["options"] = new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions" },
        };
        if (name is not null)
        {
            request["name"] = name;
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }
}
