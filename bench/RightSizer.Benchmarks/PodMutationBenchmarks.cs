using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RightSizer.Testing.Builders;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;

namespace RightSizer.Benchmarks;

/// <summary>
/// One Deployment pod (two containers, a JVM one) against a namespace with three policies, a LimitRange and a quota:
/// the pure calculator alone, and the whole handler from review bytes to the patch bytes.
/// </summary>
[MemoryDiagnoser]
public class PodMutationBenchmarks
{
    private PodView _pod = null!;
    private PodMutationContext _context = null!;
    private PodMutationHandler _handler = null!;
    private byte[] _review = [];
    private AdmissionEndpoint _endpoint = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pod = Pod().OfDeployment("web")
            .WithContainer("app", c => c.Image("eclipse-temurin:21-jre").Env("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8").Requests("200Mi", "250m"))
            .WithContainer("proxy", c => c.EmptyResources())
            .Build();
        var policies = new[]
        {
            MemoryPolicy("web").ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Recommend("proxy", "64Mi", "128Mi").Build(),
            MemoryPolicy("api").ForLabels(("app", "api")).Recommend("app", "1Gi", "2Gi").Build(),
            MemoryPolicy("batch").For(Api.V1alpha1.WorkloadKind.CronJob, "nightly").Recommend("app", "1Gi", "2Gi").Build(),
        };
        _pod = JsonSerializer.Deserialize(pod.ToJsonString(), AdmissionJsonContext.Default.PodView)!;
        _context = new PodMutationContext(
            "shop",
            policies,
            [new WorkloadRef(Api.V1alpha1.WorkloadKind.ReplicaSet, "web-7d9f8c6b5"), new WorkloadRef(Api.V1alpha1.WorkloadKind.Deployment, "web")],
            new MemoryLimitRange(Api.Units.Memory.FromMiB(16), Api.Units.Memory.FromGiB(8), null, 4m),
            new QuotaHeadroom(Api.Units.Memory.FromGiB(20), Api.Units.Memory.FromGiB(40)));
        _handler = new PodMutationHandler(new StaticAdmissionCache(policies));
        _review = Encoding.UTF8.GetBytes(AdmissionReviewBuilder.ForPod(pod).ToJsonString());
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _endpoint = new AdmissionEndpoint(new AdmissionMetrics(meters), TimeProvider.System, Options.Create(new WebhookOptions { CertDirectory = "unused" }), NullLogger<AdmissionEndpoint>.Instance);
    }

    [Benchmark]
    public int Calculate() => PodMutator.Mutate(_pod, _context).Patch.Count;

    // The review read by the pod webhook's reader, and by the generated serializer it leaves the bodies it declines to.
    [Benchmark]
    public int Read() => _handler.Read(_review)!.Request!.Object!.Spec!.Containers!.Count;

    [Benchmark]
    public int ReadGenerated() => JsonSerializer.Deserialize(_review, AdmissionJsonContext.Default.PodReview)!.Request!.Object!.Spec!.Containers!.Count;

    [Benchmark]
    public int ParseAndHandle()
    {
        var review = _handler.Read(_review)!;
        return _handler.Handle(review.Request!).Response.Patch!.Length;
    }

    [Benchmark]
    public async Task<long> Serve()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString("?timeout=5s");
        context.Request.ContentLength = _review.Length;
        context.Request.Body = new MemoryStream(_review, writable: false);
        var response = new MemoryStream();
        context.Response.Body = response;
        await _endpoint.ServeAsync(context, _handler);
        return response.Length;
    }
}
