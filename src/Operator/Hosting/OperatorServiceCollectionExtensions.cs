using k8s;
using k8s.LeaderElection.ResourceLock;
using OpenTelemetry.Metrics;
using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Operator.Reconcilers;
using RightSizer.Operator.Runtime;
using RightSizer.Operator.Updater;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Prometheus;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Operator.Hosting;

/// <summary>The operator host's parts, one AddX per concern, composed by <see cref="OperatorHost"/>.</summary>
public static class OperatorServiceCollectionExtensions
{
    public static IServiceCollection AddRightSizerOptions(this IServiceCollection services, OperatorOptions options, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(Random.Shared);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = OperatorDefaults.ShutdownGrace);
        return services;
    }

    /// <summary>The API client: a kubeconfig file, or the in-cluster service account.</summary>
    public static IServiceCollection AddRightSizerKubernetes(this IServiceCollection services, OperatorOptions options)
    {
        services.AddSingleton<IKubernetes>(_ => new Kubernetes(options.Kubeconfig is null
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubeconfigFile.Load(options.Kubeconfig)));
        return services;
    }

    /// <summary>Caches and their watchers, the work queue, the controller, leadership.</summary>
    public static IServiceCollection AddRightSizerControllerRuntime(this IServiceCollection services, OperatorOptions options)
    {
        services.AddMetrics();
        services.AddSingleton<ControllerMetrics>();
        services.AddSingleton<ClusterCaches>();
        services.AddSingleton<Webhooks.Pods.IAdmissionCache>(sp => sp.GetRequiredService<ClusterCaches>());
        services.AddSingleton<OperatorReadiness>();
        services.AddSingleton(sp => new WorkQueue<ObjectKey>(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Controller(
            "memorypolicy",
            sp.GetRequiredService<WorkQueue<ObjectKey>>(),
            sp.GetRequiredService<MemoryPolicyReconciler>(),
            options.MaxConcurrentReconciles,
            new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0.2, sp.GetRequiredService<Random>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ControllerMetrics>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<Controller>()));
        services.AddSingleton<IReadOnlyList<Func<CancellationToken, Task>>>(sp => Watchers(sp, options));
        services.AddSingleton<ILeadership>(sp => options.LeaderElect
            ? new LeaseLeadership(
                new LeaseLock(sp.GetRequiredService<IKubernetes>(), options.LeaderElectionNamespace, OperatorDefaults.LeaseName, options.Identity),
                new LeaseTimings(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<LeaseLeadership>())
            : new SoleLeadership());
        services.AddHostedService<OperatorService>();
        return services;
    }

    /// <summary>The history source (Prometheus), the store of the last scan and the cycle that fills it.</summary>
    public static IServiceCollection AddRightSizerRecommendations(this IServiceCollection services, OperatorOptions options)
    {
        services.AddSingleton<PrometheusTransferStats>();
        services.AddSingleton<IHistorySource>(sp => new PrometheusHistorySource(
            PrometheusHttpClientFactory.Create(options.Prometheus, sp.GetRequiredService<PrometheusTransferStats>())));
        services.AddSingleton<IRecommendationEngine, RecommendationEngine>();
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<RecommendationMetrics>();
        services.AddSingleton<RecommendationCycle>();
        return services;
    }

    public static IServiceCollection AddRightSizerReconcilers(this IServiceCollection services, OperatorOptions options)
    {
        services.AddSingleton<ServerInfo>();
        services.AddSingleton<StatusWriter>();
        services.AddSingleton(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<TimeProvider>(),
            options.Identity,
            sp.GetRequiredService<ILogger<EventRecorder>>()));
        services.AddSingleton<MemoryPolicyReconciler>();
        return services;
    }

    /// <summary>
    /// With <c>--webhook-bootstrap-cert</c>, the certificates made and kept in a Secret; registered before the
    /// webhooks so the certificate directory exists when the serving certificate starts watching it.
    /// </summary>
    public static IServiceCollection AddRightSizerWebhookBootstrap(this IServiceCollection services, OperatorOptions options)
    {
        if (options.WebhookBootstrap is not { } bootstrap)
        {
            return services;
        }

        services.AddSingleton(bootstrap);
        services.AddSingleton(sp => new CertificateSecretStore(
            sp.GetRequiredService<IKubernetes>(),
            bootstrap.Namespace,
            bootstrap.SecretName,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CertificateSecretStore>>()));
        services.AddSingleton<CaBundleInjector>();
        services.AddHostedService(sp => new WebhookCertificateBootstrap(
            sp.GetRequiredService<CertificateSecretStore>(),
            sp.GetRequiredService<CaBundleInjector>(),
            sp.GetRequiredService<ServingCertificate>(),
            bootstrap,
            options.WebhookCertDir,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Random>(),
            sp.GetRequiredService<ILogger<WebhookCertificateBootstrap>>()));
        return services;
    }

    public static IServiceCollection AddRightSizerUpdater(this IServiceCollection services)
    {
        services.AddSingleton<UpdateMetrics>();
        services.AddSingleton<UpdateExecutor>();
        return services;
    }

    /// <summary>Every RightSizer instrument, exported in the Prometheus text format on /metrics.</summary>
    public static IServiceCollection AddRightSizerMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ControllerMetrics.MeterName, "RightSizer.Webhooks")
            .AddPrometheusExporter());
        return services;
    }

    private static List<Func<CancellationToken, Task>> Watchers(IServiceProvider sp, OperatorOptions options)
    {
        var client = sp.GetRequiredService<IKubernetes>();
        var caches = sp.GetRequiredService<ClusterCaches>();
        var watchers = new List<Func<CancellationToken, Task>>();
        IReadOnlyList<string?> scopes = options.Namespaces.Count == 0 ? [null] : [.. options.Namespaces];

        void Watch<T>(IResourceClient<T> resource, ResourceCache<T> cache)
            where T : class, IKubernetesObject<k8s.Models.V1ObjectMeta>
        {
            foreach (var ns in scopes)
            {
                var watcher = new ResourceWatcher<T>(
                    resource,
                    cache,
                    ns,
                    new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, sp.GetRequiredService<Random>()),
                    sp.GetRequiredService<Random>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ControllerMetrics>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger($"RightSizer.Operator.Runtime.ResourceWatcher.{resource.Resource}"));
                watchers.Add(watcher.RunAsync);
            }
        }

        Watch(new MemoryPolicyResourceClient(client), caches.Policies);
        Watch(BuiltInResourceClients.Pods(client), caches.Pods);
        Watch(BuiltInResourceClients.ReplicaSets(client), caches.ReplicaSets);
        Watch(BuiltInResourceClients.Deployments(client), caches.Deployments);
        Watch(BuiltInResourceClients.StatefulSets(client), caches.StatefulSets);
        Watch(BuiltInResourceClients.DaemonSets(client), caches.DaemonSets);
        Watch(BuiltInResourceClients.Jobs(client), caches.Jobs);
        Watch(BuiltInResourceClients.CronJobs(client), caches.CronJobs);
        Watch(BuiltInResourceClients.LimitRanges(client), caches.LimitRanges);
        Watch(BuiltInResourceClients.ResourceQuotas(client), caches.ResourceQuotas);
        Watch(BuiltInResourceClients.PodDisruptionBudgets(client), caches.DisruptionBudgets);
        return watchers;
    }
}
