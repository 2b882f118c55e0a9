using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>A mutating webhook registered through kubectl, called over HTTPS with its caBundle, mutating what kubectl creates.</summary>
public sealed class WebhookFlowTests
{
    [Test]
    public async Task CreatePod_MutatingWebhookRegistered_PodPatchedAndWarningShown()
    {
        var directory = Directory.CreateTempSubdirectory("webhook-").FullName;
        var certificates = TestCertificates.Create(directory, "webhook");
        var reviews = new List<JsonObject>();
        await using var webhook = await StartWebhookAsync(certificates, reviews);
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var kubectl = new Kubectl(server);
        var url = webhook.Urls.First() + "/mutate";
        var caBundle = Convert.ToBase64String(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(certificates.CaFile)));

        var registered = await kubectl.RunWithInputAsync($$"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: labeller}
            webhooks:
            - name: label.example.io
              admissionReviewVersions: [v1]
              clientConfig: {url: "{{url}}", caBundle: {{caBundle}}}
              sideEffects: None
              failurePolicy: Fail
              timeoutSeconds: 5
              rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]
            """, "apply", "-f", "-");
        var created = await kubectl.RunWithInputAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {generateName: web-}
            spec:
              containers: [{name: app, image: nginx:1.27}]
            """, "create", "-f", "-");
        var labels = await kubectl.RunAsync("get", "pods", "-o", "jsonpath={.items[0].metadata.labels.mutated}");

        Assert.That(registered.ExitCode, Is.Zero, registered.ToString());
        Assert.That(created.StdOut, Does.Match(@"pod/web-[a-z0-9]{5} created"), created.ToString());
        Assert.That(created.StdErr, Does.Contain("Warning: labelled by the test webhook"));
        Assert.That(labels.StdOut, Is.EqualTo("yes"));
        var request = reviews.Single()["request"]!;
        Assert.That(request["operation"]!.GetValue<string>(), Is.EqualTo("CREATE"));
        Assert.That(request["namespace"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(request["object"]!["metadata"]!["generateName"]!.GetValue<string>(), Is.EqualTo("web-"));
        Assert.That(request["object"]!["metadata"]!["name"], Is.Null, "the name is generated after the mutating webhooks");
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<WebApplication> StartWebhookAsync(TestCertificates certificates, List<JsonObject> reviews)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = X509Certificate2.CreateFromPemFile(certificates.CertFile, certificates.KeyFile);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.MapPost("/mutate", async (HttpContext context) =>
        {
            var review = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            lock (reviews)
            {
                reviews.Add(review);
            }

            var patch = Convert.ToBase64String(Encoding.UTF8.GetBytes("[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"mutated\":\"yes\"}}]"));
            return Results.Json(new JsonObject
            {
                ["apiVersion"] = "admission.k8s.io/v1",
                ["kind"] = "AdmissionReview",
                ["response"] = new JsonObject
                {
                    ["uid"] = review["request"]!["uid"]!.GetValue<string>(),
                    ["allowed"] = true,
                    ["patchType"] = "JSONPatch",
                    ["patch"] = patch,
                    ["warnings"] = new JsonArray("labelled by the test webhook"),
                },
            });
        });
        await app.StartAsync();
        return app;
    }
}
