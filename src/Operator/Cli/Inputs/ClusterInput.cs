using System.CommandLine;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Export;
using RightSizer.Recommender.History;

namespace RightSizer.Operator.Cli.Inputs;

/// <summary>
/// The cluster source of <c>export</c>: the MemoryPolicies' status, read with kubectl's conventions
/// (<c>--kubeconfig</c>, <c>--context</c>, <c>-n</c> defaulting to the context's namespace, <c>-A</c>).
/// </summary>
public sealed class ClusterInput
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Cluster source: the kubeconfig file; default: $KUBECONFIG, else ~/.kube/config." };

    public Option<string?> Context { get; } = new("--context") { Description = "Cluster source: the kubeconfig context; default: its current context." };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A") { Description = "Cluster source: MemoryPolicies of every namespace (default: -n, else the context's namespace)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(AllNamespaces);
    }

    /// <summary>Whether a cluster-only flag was given.</summary>
    public bool Given(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Kubeconfig) is not null || parse.GetValue(Context) is not null || parse.GetValue(AllNamespaces);
    }

    /// <exception cref="CliInputException">No kubeconfig, unknown context, CRD not installed, no policies.</exception>
    /// <exception cref="HistorySourceException">The API server could not be reached.</exception>
    public async Task<IReadOnlyList<StoredPolicy>> ReadAsync(ParseResult parse, IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(namespaces);
        var all = parse.GetValue(AllNamespaces);
        if (all && namespaces.Count > 0)
        {
            throw new CliInputException("--all-namespaces and --namespace: give one of them");
        }

        var path = KubeconfigLocation.Resolve(
            parse.GetValue(Kubeconfig),
            Environment.GetEnvironmentVariable("KUBECONFIG"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            File.Exists);
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: parse.GetValue(Context));
        }
        catch (KubeConfigException e)
        {
            throw new CliInputException($"kubeconfig {path}: {e.Message}");
        }

        IReadOnlyList<string?> scopes = all ? [null] : namespaces.Count > 0 ? [.. namespaces.Distinct(StringComparer.Ordinal)] : [configuration.Namespace ?? "default"];
        using var client = new Kubernetes(configuration);
        var policies = new List<StoredPolicy>();
        foreach (var scope in scopes)
        {
            policies.AddRange((await ListAsync(client, configuration.Host, scope, cancellationToken).ConfigureAwait(false)).Select(Stored));
        }

        if (policies.Count == 0)
        {
            throw new CliInputException(all
                ? "no MemoryPolicies in any namespace"
                : $"no MemoryPolicies in namespace {string.Join(", ", scopes)} (-A reads every namespace)");
        }

        return policies;
    }

    private static async Task<IList<V1alpha1MemoryPolicy>> ListAsync(Kubernetes client, string? host, string? @namespace, CancellationToken cancellationToken)
    {
        try
        {
            var list = @namespace is null
                ? await client.CustomObjects.ListClusterCustomObjectAsync<V1alpha1MemoryPolicyList>(
                    V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, V1alpha1MemoryPolicy.KubePluralName, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await client.CustomObjects.ListNamespacedCustomObjectAsync<V1alpha1MemoryPolicyList>(
                    V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, @namespace, V1alpha1MemoryPolicy.KubePluralName, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Items ?? [];
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliInputException($"the MemoryPolicy CRD is not installed at {host} ({V1alpha1MemoryPolicy.KubePluralName}.{V1alpha1MemoryPolicy.KubeGroup}/{V1alpha1MemoryPolicy.KubeApiVersion} not found); kubectl apply -k config/default installs it");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new CliInputException($"{host}: {(int)e.Response.StatusCode} {e.Response.StatusCode} listing MemoryPolicies{(@namespace is null ? "" : " in namespace " + @namespace)}");
        }
        catch (HttpRequestException e)
        {
            throw new HistorySourceException($"cannot reach the API server at {host}: {e.InnerException?.Message ?? e.Message}", unreachable: true, e);
        }
    }

    private static StoredPolicy Stored(V1alpha1MemoryPolicy policy) => new(
        policy.Metadata.NamespaceProperty ?? "",
        policy.Metadata.Name ?? "",
        policy.Spec?.TargetRef?.Kind?.ToString(),
        policy.Spec?.TargetRef?.Name,
        [.. policy.Status?.Recommendations ?? []]);
}
