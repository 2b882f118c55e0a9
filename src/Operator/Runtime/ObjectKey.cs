using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>An object's identity in the work queue and the caches: namespace (empty for cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ObjectKey(obj.Metadata.NamespaceProperty ?? string.Empty, obj.Metadata.Name ?? string.Empty);
    }

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
