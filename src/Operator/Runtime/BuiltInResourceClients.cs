using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>List-and-watch clients for the built-in kinds the operator caches, each over one namespace or all.</summary>
public static class BuiltInResourceClients
{
    public static IResourceClient<V1Pod> Pods(IKubernetes client) => new KubernetesResourceClient<V1Pod, V1PodList>(
        "pods",
        (ns, page, limit, ct) => ns is null
            ? client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.CoreV1.ListNamespacedPodAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedPodAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1ReplicaSet> ReplicaSets(IKubernetes client) => new KubernetesResourceClient<V1ReplicaSet, V1ReplicaSetList>(
        "replicasets",
        (ns, page, limit, ct) => ns is null
            ? client.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.AppsV1.ListNamespacedReplicaSetAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.AppsV1.WatchListReplicaSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedReplicaSetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1Deployment> Deployments(IKubernetes client) => new KubernetesResourceClient<V1Deployment, V1DeploymentList>(
        "deployments",
        (ns, page, limit, ct) => ns is null
            ? client.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.AppsV1.ListNamespacedDeploymentAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedDeploymentAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1StatefulSet> StatefulSets(IKubernetes client) => new KubernetesResourceClient<V1StatefulSet, V1StatefulSetList>(
        "statefulsets",
        (ns, page, limit, ct) => ns is null
            ? client.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.AppsV1.ListNamespacedStatefulSetAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedStatefulSetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1DaemonSet> DaemonSets(IKubernetes client) => new KubernetesResourceClient<V1DaemonSet, V1DaemonSetList>(
        "daemonsets",
        (ns, page, limit, ct) => ns is null
            ? client.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.AppsV1.ListNamespacedDaemonSetAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.AppsV1.WatchListDaemonSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedDaemonSetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1Job> Jobs(IKubernetes client) => new KubernetesResourceClient<V1Job, V1JobList>(
        "jobs",
        (ns, page, limit, ct) => ns is null
            ? client.BatchV1.ListJobForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.BatchV1.ListNamespacedJobAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.BatchV1.WatchListJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.BatchV1.WatchListNamespacedJobAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1CronJob> CronJobs(IKubernetes client) => new KubernetesResourceClient<V1CronJob, V1CronJobList>(
        "cronjobs",
        (ns, page, limit, ct) => ns is null
            ? client.BatchV1.ListCronJobForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.BatchV1.ListNamespacedCronJobAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.BatchV1.WatchListCronJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.BatchV1.WatchListNamespacedCronJobAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1LimitRange> LimitRanges(IKubernetes client) => new KubernetesResourceClient<V1LimitRange, V1LimitRangeList>(
        "limitranges",
        (ns, page, limit, ct) => ns is null
            ? client.CoreV1.ListLimitRangeForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.CoreV1.ListNamespacedLimitRangeAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.CoreV1.WatchListLimitRangeForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedLimitRangeAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1ResourceQuota> ResourceQuotas(IKubernetes client) => new KubernetesResourceClient<V1ResourceQuota, V1ResourceQuotaList>(
        "resourcequotas",
        (ns, page, limit, ct) => ns is null
            ? client.CoreV1.ListResourceQuotaForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.CoreV1.ListNamespacedResourceQuotaAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.CoreV1.WatchListResourceQuotaForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedResourceQuotaAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1PodDisruptionBudget> PodDisruptionBudgets(IKubernetes client) => new KubernetesResourceClient<V1PodDisruptionBudget, V1PodDisruptionBudgetList>(
        "poddisruptionbudgets",
        (ns, page, limit, ct) => ns is null
            ? client.PolicyV1.ListPodDisruptionBudgetForAllNamespacesAsync(continueParameter: page, limit: limit, cancellationToken: ct)
            : client.PolicyV1.ListNamespacedPodDisruptionBudgetAsync(ns, continueParameter: page, limit: limit, cancellationToken: ct),
        (ns, rv, timeout, onError, ct) => ns is null
            ? client.PolicyV1.WatchListPodDisruptionBudgetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct)
            : client.PolicyV1.WatchListNamespacedPodDisruptionBudgetAsync(ns, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));
}
