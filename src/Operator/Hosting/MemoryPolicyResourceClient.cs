using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Hosting;

/// <summary>List and watch of MemoryPolicies through KubernetesClient's custom-object calls.</summary>
public sealed class MemoryPolicyResourceClient(IKubernetes client) : IResourceClient<V1alpha1MemoryPolicy>
{
    public string Resource => V1alpha1MemoryPolicy.KubePluralName;

    public Task<(IReadOnlyList<V1alpha1MemoryPolicy> Items, string ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken) =>
        PagedList.ReadAsync<V1alpha1MemoryPolicy, V1alpha1MemoryPolicyList>(
            (continueToken, limit, ct) => @namespace is null
                ? client.CustomObjects.ListClusterCustomObjectAsync<V1alpha1MemoryPolicyList>(
                    V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, V1alpha1MemoryPolicy.KubePluralName,
                    continueParameter: continueToken, limit: limit, cancellationToken: ct)
                : client.CustomObjects.ListNamespacedCustomObjectAsync<V1alpha1MemoryPolicyList>(
                    V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, @namespace, V1alpha1MemoryPolicy.KubePluralName,
                    continueParameter: continueToken, limit: limit, cancellationToken: ct),
            cancellationToken);

    public async IAsyncEnumerable<(WatchEventType Type, V1alpha1MemoryPolicy Object)> WatchAsync(
        string? @namespace,
        string resourceVersion,
        TimeSpan timeout,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        var stream = @namespace is null
            ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, V1alpha1MemoryPolicy.KubePluralName,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: seconds, onError: onError, cancellationToken: cancellationToken)
            : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, @namespace, V1alpha1MemoryPolicy.KubePluralName,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: seconds, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (type, obj) in stream.ConfigureAwait(false))
        {
            // The untyped watch yields the JSON of each object; the policy type reads it as the API server wrote it.
            var json = obj is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(obj);
            yield return (type, KubernetesJson.Deserialize<V1alpha1MemoryPolicy>(json));
        }
    }
}
