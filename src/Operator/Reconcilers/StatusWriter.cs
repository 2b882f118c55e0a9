using System.Net;
using k8s;
using k8s.Autorest;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Writes a policy's status through the status subresource, only when it differs from what is stored. On a 409 it
/// re-reads the policy and recomputes the status from the fresh copy before trying again.
/// </summary>
public sealed class StatusWriter(IKubernetes client)
{
    public const int Attempts = 5;

    /// <returns>The stored policy after the write (or unchanged), or null when it was deleted meanwhile.</returns>
    public async Task<(V1alpha1MemoryPolicy? Policy, bool Written)> WriteAsync(
        V1alpha1MemoryPolicy policy,
        Func<V1alpha1MemoryPolicy, V1alpha1MemoryPolicyStatus> compute,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(compute);
        var current = policy;
        for (var attempt = 1; ; attempt++)
        {
            var status = compute(current);
            if (Same(current.Status, status))
            {
                return (current, false);
            }

            var body = KubernetesJson.Deserialize<V1alpha1MemoryPolicy>(KubernetesJson.Serialize(current));
            body.Status = status;
            try
            {
                var stored = await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<V1alpha1MemoryPolicy>(
                    body, V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, current.Metadata.NamespaceProperty,
                    V1alpha1MemoryPolicy.KubePluralName, current.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                return (stored, true);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return (null, false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                current = await client.CustomObjects.GetNamespacedCustomObjectAsync<V1alpha1MemoryPolicy>(
                    V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, current.Metadata.NamespaceProperty,
                    V1alpha1MemoryPolicy.KubePluralName, current.Metadata.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Equal as the API server would store them.</summary>
    public static bool Same(V1alpha1MemoryPolicyStatus? a, V1alpha1MemoryPolicyStatus? b) =>
        a is null || b is null ? a is null && b is null : KubernetesJson.Serialize(a) == KubernetesJson.Serialize(b);
}
