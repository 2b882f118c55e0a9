using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Tls;

namespace RightSizer.EndToEnd.Tests.Webhooks;

/// <summary>
/// The pod webhook as config/webhook registers it (failurePolicy Ignore, timeoutSeconds 5) in front of a webhook
/// server that accepts the TLS connection and the request and never answers: pod creation waits for the timeout,
/// not longer, and the pod is created without the patch.
/// </summary>
public sealed class HangingWebhookTests
{
    [Test]
    public async Task CreatePod_WebhookNeverAnswers_CreatedUnpatchedWhenTheTimeoutEnds()
    {
        using var authority = new TestCertificateAuthority("e2e-hanging-webhook");
        var certDirectory = Directory.CreateTempSubdirectory("rightsizer-e2e-hanging-").FullName;
        authority.IssueServing(certDirectory);
        var calls = new ConcurrentQueue<string>();
        await using var hanging = await StartHangingServerAsync(certDirectory, calls);
        var port = new Uri(hanging.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions
        {
            SimulateNodes = false,
            ResolveWebhookService = (_, _, _, path) => new Uri($"https://127.0.0.1:{port}{path}"),
        });
        var kubectl = new Kubectl(server);
        var registered = await kubectl.RunWithInputAsync(WebhookManifests.MutatingWithCaBundle(authority.CertificatePem), "apply", "-f", "-");
        var timeoutSeconds = await kubectl.RunAsync("get", "mutatingwebhookconfiguration", "mutating-webhook-configuration", "-o", "jsonpath={.webhooks[0].failurePolicy} {.webhooks[0].timeoutSeconds}");
        await kubectl.RunWithInputAsync("{apiVersion: v1, kind: Namespace, metadata: {name: shop}}", "apply", "-f", "-");

        var clock = Stopwatch.StartNew();
        var created = await kubectl.RunWithInputAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p1, namespace: shop, labels: {tier: api}}
            spec:
              containers: [{name: app, image: registry.example/app:1, resources: {requests: {cpu: 100m}}}]
            """, "create", "-f", "-");
        var took = clock.Elapsed;
        var pod = await kubectl.RunAsync("get", "pod", "p1", "-n", "shop", "-o", "jsonpath={.spec.containers[0].resources}|{.metadata.annotations}");
        Directory.Delete(certDirectory, recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(registered.ExitCode, Is.Zero, registered.ToString());
            Assert.That(timeoutSeconds.StdOut, Is.EqualTo("Ignore 5"), "as config/webhook registers it");
            Assert.That(created.StdOut, Does.Contain("pod/p1 created"), created.ToString());
            Assert.That(calls, Has.Some.EqualTo("/mutate--v1-pod?timeout=5s"), "the API server called the webhook with its timeout");
            Assert.That(took, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.LessThan(TimeSpan.FromSeconds(15)),
                "creation waited for the webhook's timeout and no longer (10 s slack for kubectl's start and the machine's load)");
            Assert.That(pod.StdOut, Is.EqualTo("{\"requests\":{\"cpu\":\"100m\"}}|"), "no memory and no annotation: the patch never came");
        });
    }

    /// <summary>An HTTPS server that records each request's path and query and holds it open until the caller gives up.</summary>
    private static async Task<WebApplication> StartHangingServerAsync(string certDirectory, ConcurrentQueue<string> calls)
    {
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(certDirectory, "tls.crt"), Path.Combine(certDirectory, "tls.key"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(async context =>
        {
            calls.Enqueue(context.Request.Path + context.Request.QueryString);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The API server gave up on us, as it should.
            }
        });
        await app.StartAsync();
        return app;
    }
}
