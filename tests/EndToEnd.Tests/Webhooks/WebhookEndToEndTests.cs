using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Tls;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Tls;

namespace RightSizer.EndToEnd.Tests.Webhooks;

/// <summary>
/// The webhooks registered from config/webhook with the local API server, driven by the real kubectl: a pod gets
/// its memory from a MemoryPolicy's status with a Warning line, a stopped webhook blocks nothing, and a bad policy is
/// refused with every problem listed.
/// </summary>
public sealed class WebhookEndToEndTests
{
    [Test]
    public async Task KubectlFlows_WebhooksRegisteredFromConfig_PodsPatchedAndPoliciesValidated()
    {
        using var authority = new TestCertificateAuthority("e2e-webhook");
        var certDirectory = Directory.CreateTempSubdirectory("rightsizer-e2e-certs-").FullName;
        authority.IssueServing(certDirectory);
        var port = 0;
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions
        {
            SimulateNodes = false,
            ResolveWebhookService = (_, _, _, path) => new Uri($"https://127.0.0.1:{Volatile.Read(ref port)}{path}"),
        });
        var cache = new SnapshotAdmissionCache(server.CreateClient(), "shop");
        var webhook = await StartWebhookAsync(certDirectory, cache);
        Volatile.Write(ref port, new Uri(webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port);
        var kubectl = new Kubectl(server);
        var crd = await kubectl.RunAsync("apply", "-f", RepositoryRoot.File("config", "crds", "rightsizer.io_memorypolicies.yaml"));
        var registered = await kubectl.RunWithInputAsync(WebhookManifests.WithCaBundle(authority.CertificatePem), "apply", "-f", "-");
        var ns = await kubectl.RunWithInputAsync("{apiVersion: v1, kind: Namespace, metadata: {name: shop}}", "apply", "-f", "-");
        var policy = await kubectl.RunWithInputAsync("""
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {tier: api}}
              mode: Initial
            """, "apply", "-f", "-");
        var status = await kubectl.RunAsync("patch", "memorypolicy", "api", "-n", "shop", "--subresource=status", "--type=merge", "-p",
            """{"status":{"observedGeneration":1,"recommendations":[{"containerName":"app","request":"300Mi","limit":"600Mi"}]}}""");
        Assert.That((crd.ExitCode, policy.ExitCode, status.ExitCode), Is.EqualTo((0, 0, 0)), $"{registered}\n{ns}\n{crd}\n{policy}\n{status}");
        await cache.RefreshAsync();

        var created = await kubectl.RunWithInputAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p1, namespace: shop, labels: {tier: api}}
            spec:
              containers: [{name: app, image: registry.example/app:1, resources: {requests: {cpu: 100m}}}]
            """, "create", "-f", "-");
        var limit = await kubectl.RunAsync("get", "pod", "p1", "-n", "shop", "-o", "jsonpath={.spec.containers[0].resources.limits.memory} {.spec.containers[0].resources.requests.memory} {.spec.containers[0].resources.requests.cpu} {.metadata.annotations.rightsizer\\.io/applied}");
        var invalid = await kubectl.RunWithInputAsync("""
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: bad, namespace: shop}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              containers: [{containerName: app, minAllowed: 128Mi, maxAllowed: 64Mi}]
              recommendation: {historyWindow: 2h, halfLife: 3h}
            """, "apply", "-f", "-");

        await webhook.StopAsync();
        await webhook.DisposeAsync();
        var whileStopped = await kubectl.RunWithInputAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p2, namespace: shop, labels: {tier: api}}
            spec:
              containers: [{name: app, image: registry.example/app:1}]
            """, "create", "-f", "-");
        Directory.Delete(certDirectory, recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(crd.ExitCode, Is.Zero, crd.ToString());
            Assert.That(registered.ExitCode, Is.Zero, registered.ToString());
            Assert.That(status.ExitCode, Is.Zero, status.ToString());
            Assert.That(created.StdOut, Does.Contain("pod/p1 created"), created.ToString());
            Assert.That(created.StdErr, Does.Contain("Warning: memory set by MemoryPolicy shop/api: app request 300Mi limit 600Mi"));
            Assert.That(limit.StdOut, Is.EqualTo("600Mi 300Mi 100m api@1"), limit.ToString());
            Assert.That(invalid.ExitCode, Is.Not.Zero);
            Assert.That(invalid.StdErr, Does.Contain("spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)"), invalid.ToString());
            Assert.That(invalid.StdErr, Does.Contain("spec.recommendation.halfLife: must not be longer than historyWindow (got 3h > 2h)"), invalid.ToString());
            Assert.That(whileStopped.StdOut, Does.Contain("pod/p2 created"), whileStopped.ToString());
        });
    }

    private static async Task<WebApplication> StartWebhookAsync(string certDirectory, SnapshotAdmissionCache cache)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAdmissionCache>(cache);
        builder.Services.AddRightSizerWebhooks(o => o.CertDirectory = certDirectory);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseWebhookCertificate(kestrel.ApplicationServices.GetRequiredService<ServingCertificate>())));
        var app = builder.Build();
        app.MapRightSizerWebhooks();
        await app.StartAsync();
        return app;
    }
}
