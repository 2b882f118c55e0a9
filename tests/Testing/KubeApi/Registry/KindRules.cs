using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>The defaults and create-time rules of particular kinds (pod and job defaults, pod status, the job selector, namespace phase and name label, CRD status) and what a stored CRD changes in the catalog.</summary>
public static class KindRules
{
    /// <summary>Defaulting at decode time (before admission, and again after a mutating webhook's patch).</summary>
    public static void Default(ResourceType type, JsonObject obj)
    {
        if (type is { Group: "", Plural: "pods" })
        {
            PodDefaults.Apply(obj);
        }
        else if (type is { Group: "batch", Plural: "jobs" })
        {
            JobDefaults.Apply(obj);
        }
    }

    public static void PrepareForCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        switch (type.Group, type.Plural)
        {
            case ("", "pods"):
                PodDefaults.InitialStatus(obj);
                break;
            case ("", "namespaces"):
                var labels = ObjectMeta.Of(obj)["labels"] as JsonObject ?? [];
                labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(obj);
                ObjectMeta.Of(obj)["labels"] = labels;
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case ("batch", "jobs"):
                JobDefaults.GenerateSelector(obj);
                break;
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                CustomResourceDefinitions.SetAcceptedStatus(obj, now);
                break;
        }
    }

    public static void AfterWrite(ResourceCatalog catalog, ResourceType type, JsonObject stored)
    {
        if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            var (group, plural) = CustomResourceDefinitions.Key(stored);
            catalog.SetCustom(group, plural, CustomResourceDefinitions.ResourcesOf(stored));
        }
    }
}
