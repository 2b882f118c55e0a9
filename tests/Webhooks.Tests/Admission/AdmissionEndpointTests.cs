using System.Net;
using System.Text.Json.Nodes;
using RightSizer.Testing.Builders;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Tests.Pods;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;
using static RightSizer.Webhooks.Tests.Admission.ReviewExchange;

namespace RightSizer.Webhooks.Tests.Admission;

/// <summary>The webhooks over real HTTPS: the answers the API server gets, as it gets them.</summary>
public sealed class AdmissionEndpointTests
{
    private const string MutatePath = WebhookDefaults.MutatePodPath;
    private const string ValidatePath = WebhookDefaults.ValidateMemoryPolicyPath;

    private InMemoryAdmissionCache _cache = null!;
    private WebhookServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _cache = new InMemoryAdmissionCache();
        _cache.ReplicaSets.Add(InMemoryAdmissionCache.OwnedReplicaSet("shop", "web-7d9f8c6b5", "web"));
        _cache.Policies.Add(MemoryPolicy().ForDeployment("web").Generation(4).Recommend("app", "300Mi", "600Mi", JvmHeap()).Build());
        _server = await WebhookServer.StartAsync(_cache);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task MutatePod_DeploymentPod_PatchThatApplies()
    {
        var pod = Pod().OfDeployment("web").WithContainer("app", c => c.EmptyResources()).Build();

        var response = await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(pod, uid: "uid-1"));

        var patched = AppliedPatch.Apply(pod, Patch(response));
        Assert.Multiple(() =>
        {
            Assert.That(response["uid"]!.GetValue<string>(), Is.EqualTo("uid-1"));
            Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
            Assert.That(response["patchType"]!.GetValue<string>(), Is.EqualTo("JSONPatch"));
            Assert.That(AppliedPatch.MemoryOf(patched, "containers", 0, "limits"), Is.EqualTo("600Mi"));
            Assert.That(patched["metadata"]!["annotations"]!["rightsizer.io/applied"]!.GetValue<string>(), Is.EqualTo("web@4"));
            Assert.That(Warnings(response), Has.Some.EqualTo("memory set by MemoryPolicy shop/web: app request 300Mi limit 600Mi"));
        });
    }

    [Test]
    public async Task MutatePod_DryRun_AnsweredTheSame()
    {
        var pod = Pod().OfDeployment("web").WithContainer("app").Build();

        var real = await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(pod, uid: "same"));
        var dryRun = await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(pod, uid: "same", dryRun: true));

        Assert.That(dryRun.ToJsonString(), Is.EqualTo(real.ToJsonString()));
    }

    [Test]
    public async Task MutatePod_NoPolicy_AllowedWithoutPatch()
    {
        var pod = Pod("elsewhere").Named("p1").WithContainer("app").Build();

        var response = await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(pod));

        Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(response["patch"], Is.Null);
        Assert.That(response["patchType"], Is.Null);
    }

    [Test]
    public async Task MutatePod_UpdateOperation_AllowedUntouched()
    {
        var pod = Pod().OfDeployment("web").WithContainer("app").Build();

        var response = await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(pod, operation: "UPDATE"));

        Assert.That(response["patch"], Is.Null);
    }

    [Test]
    public async Task ValidatePolicy_SeveralProblems_DeniedWithEveryPathListed()
    {
        var policy = JsonNode.Parse("""
            {"apiVersion": "rightsizer.io/v1alpha1", "kind": "MemoryPolicy", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                      "recommendation": {"requestPercentile": 0, "historyWindow": "30m"},
                      "containers": [{"containerName": "app", "minAllowed": "128Mi", "maxAllowed": "64Mi"}]}}
            """)!.AsObject();

        var response = await PostAsync(_server.Client, ValidatePath, AdmissionReviewBuilder.ForMemoryPolicy(policy, uid: "uid-v"));

        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response["uid"]!.GetValue<string>(), Is.EqualTo("uid-v"));
            Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
            Assert.That(response["status"]!["code"]!.GetValue<int>(), Is.EqualTo(422));
            Assert.That(message, Does.Contain("spec.recommendation.requestPercentile: must be in (0, 100] (got 0)"));
            Assert.That(message, Does.Contain("spec.recommendation.historyWindow: must be at least 1h (got '30m')"));
            Assert.That(message, Does.Contain("spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)"));
            Assert.That(message, Does.StartWith("MemoryPolicy web is invalid (3 problems):"));
        });
    }

    [Test]
    public async Task ValidatePolicy_Valid_Allowed()
    {
        var policy = JsonNode.Parse("""
            {"apiVersion": "rightsizer.io/v1alpha1", "kind": "MemoryPolicy", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "mode": "Initial"}}
            """)!.AsObject();

        var response = await PostAsync(_server.Client, ValidatePath, AdmissionReviewBuilder.ForMemoryPolicy(policy, operation: "UPDATE"));

        Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ValidatePolicy_UnknownEnumValue_DeniedWithPath()
    {
        var policy = JsonNode.Parse("""
            {"apiVersion": "rightsizer.io/v1alpha1", "kind": "MemoryPolicy", "metadata": {"name": "web"},
             "spec": {"targetRef": {"apiVersion": "apps/v1", "kind": "Pod", "name": "web"}}}
            """)!.AsObject();

        var response = await PostAsync(_server.Client, ValidatePath, AdmissionReviewBuilder.ForMemoryPolicy(policy));

        Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(response["status"]!["message"]!.GetValue<string>(), Does.Contain("spec.targetRef.kind"));
    }

    [Test]
    public async Task Metrics_AfterAPatchedPod_CountedByWebhookOutcomeAndReason()
    {
        await PostAsync(_server.Client, MutatePath, AdmissionReviewBuilder.ForPod(Pod().OfDeployment("web").WithContainer("app").Build()));

        var metrics = await _server.Client.GetStringAsync("/metrics");

        Assert.That(metrics, Does.Match("""rightsizer_webhook_admissions_total\{[^}]*outcome="patched",reason="applied",webhook="pod-mutation"\} [1-9]"""));
        Assert.That(metrics, Does.Match("""rightsizer_webhook_admission_duration_seconds_count\{[^}]*webhook="pod-mutation"\} [1-9]"""));
    }

    [Test]
    public async Task Probes_CacheAndCertificateReady_Ready()
    {
        using var healthz = await _server.Client.GetAsync("/healthz");
        using var readyz = await _server.Client.GetAsync("/readyz");

        Assert.That(healthz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(readyz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
