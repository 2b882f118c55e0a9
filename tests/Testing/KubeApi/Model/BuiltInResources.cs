using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.KubeApi.Model;

/// <summary>The built-in kinds the project touches, with the names, short names and subresources a real 1.33 server lists.</summary>
public static class BuiltInResources
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Core("namespaces", "namespace", "Namespace", false, ["ns"], [], ["status"]),
        Core("pods", "pod", "Pod", true, ["po"], ["all"], ["status", "eviction", "resize", "binding"]),
        Core("nodes", "node", "Node", false, ["no"], [], ["status"]),
        Core("events", "event", "Event", true, ["ev"], [], []),
        Core("limitranges", "limitrange", "LimitRange", true, ["limits"], [], []),
        Core("resourcequotas", "resourcequota", "ResourceQuota", true, ["quota"], [], ["status"]),
        Core("secrets", "secret", "Secret", true, [], [], []),
        Core("configmaps", "configmap", "ConfigMap", true, ["cm"], [], []),
        Core("serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"], [], []),
        Core("services", "service", "Service", true, ["svc"], ["all"], ["status"]),
        Typed("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"], ["all"], ["status"]),
        Typed("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, ["rs"], ["all"], ["status"]),
        Typed("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, ["sts"], ["all"], ["status"]),
        Typed("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, ["ds"], ["all"], ["status"]),
        Typed("batch", "v1", "jobs", "job", "Job", true, [], ["all"], ["status"]),
        Typed("batch", "v1", "cronjobs", "cronjob", "CronJob", true, ["cj"], ["all"], ["status"]),
        Typed("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, ["pdb"], [], ["status"]),
        Typed("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, [], [], [], generation: false),
        Typed("events.k8s.io", "v1", "events", "event", "Event", true, ["ev"], [], [], generation: false),
        Typed("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration", "MutatingWebhookConfiguration", false, [], ["api-extensions"], []),
        Typed("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false, [], ["api-extensions"], []),
        Typed("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, ["crd", "crds"], ["api-extensions"], ["status"]),
        Typed("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, [], [], [], generation: false),
        Typed("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true, [], [], [], generation: false),
        Typed("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false, [], [], [], generation: false),
        Typed("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false, [], [], [], generation: false),
    ];

    /// <summary>
    /// <see cref="All"/> as a server of this minor version serves them: without <c>pods/resize</c> while
    /// InPlacePodVerticalScaling is off by default (1.32).
    /// </summary>
    public static IEnumerable<ResourceType> Served(int serverMinor) => All.Select(t => t is { Group: "", Plural: "pods" } && !InPlaceResizeGate.IsOn(serverMinor)
        ? t with { Subresources = [.. t.Subresources.Where(s => s != "resize")] }
        : t);

    /// <summary>Namespaces a fresh cluster has.</summary>
    public static IReadOnlyList<string> InitialNamespaces { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private static ResourceType Core(
        string plural, string singular, string kind, bool namespaced, string[] shortNames, string[] categories, string[] subresources) =>
        new("", "v1", plural, singular, kind, namespaced, shortNames, categories, subresources, HasGeneration: false);

    private static ResourceType Typed(
        string group,
        string version,
        string plural,
        string singular,
        string kind,
        bool namespaced,
        string[] shortNames,
        string[] categories,
        string[] subresources,
        bool generation = true) =>
        new(group, version, plural, singular, kind, namespaced, shortNames, categories, subresources, generation);
}
