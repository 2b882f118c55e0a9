using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// What a watch-fed cache keeps of an object: everything but its managedFields and kubectl's last-applied
/// configuration, which no reader uses and which make up most of a pod's size (controller-runtime's caches drop
/// managedFields for the same reason). Status writes go through the status subresource, which keeps the stored
/// object's metadata, so nothing dropped here is ever written back. Pods lose more (<see cref="CachedPod"/>).
/// </summary>
public static class CachedObject
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Drops the unused metadata in place and returns the object; call it before the object is shared.</summary>
    public static T Trim<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
            metadata.Annotations?.Remove(LastAppliedAnnotation);
        }

        if (obj is V1Pod pod)
        {
            CachedPod.Trim(pod);
        }

        return obj;
    }
}
