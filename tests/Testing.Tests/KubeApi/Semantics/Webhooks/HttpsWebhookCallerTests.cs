using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

public sealed class HttpsWebhookCallerTests
{
    private string directory = "";
    private TestCertificates certificates = null!;
    private WebApplication server = null!;
    private Uri baseUrl = null!;
    private readonly List<string> queries = [];

    [OneTimeSetUp]
    public async Task StartWebhookServerAsync()
    {
        directory = Directory.CreateTempSubdirectory("webhook-caller-").FullName;
        certificates = TestCertificates.Create(directory, "webhook");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = X509Certificate2.CreateFromPemFile(certificates.CertFile, certificates.KeyFile);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        server = builder.Build();
        server.MapPost("/mutate", async (HttpRequest request) =>
        {
            lock (queries)
            {
                queries.Add(request.QueryString.Value ?? "");
            }

            var review = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            return Results.Text(ScriptedWebhookCaller.Allow(review).ToJsonString(), "application/json");
        });
        await server.StartAsync();
        baseUrl = new Uri(server.Urls.First());
    }

    [OneTimeTearDown]
    public async Task StopWebhookServerAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private JsonObject Webhook(string caPem, int? timeoutSeconds = null)
    {
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io");
        hook["clientConfig"] = new JsonObject
        {
            ["url"] = new Uri(baseUrl, "/mutate").ToString(),
            ["caBundle"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem)),
        };
        if (timeoutSeconds is { } seconds)
        {
            hook["timeoutSeconds"] = seconds;
        }

        return hook;
    }

    [Test]
    public async Task CallAsync_ServerSignedByCaBundle_AnswersWithTimeoutQuery()
    {
        var caller = new HttpsWebhookCaller((_, _, _, _) => throw new InvalidOperationException("no services here"));
        var review = AdmissionReviewBuilder.Build(WebhookFixtures.PodCreate(), "u1");

        var answer = await caller.CallAsync(Webhook(await File.ReadAllTextAsync(certificates.CaFile), timeoutSeconds: 5), review, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(answer["response"]!["uid"]!.GetValue<string>(), Is.EqualTo("u1"));
            Assert.That(queries, Does.Contain("?timeout=5s"));
        });
    }

    [Test]
    public async Task CallAsync_NoTimeoutSet_DefaultTenSeconds()
    {
        var caller = new HttpsWebhookCaller((_, _, _, _) => throw new InvalidOperationException("no services here"));

        await caller.CallAsync(Webhook(await File.ReadAllTextAsync(certificates.CaFile)), AdmissionReviewBuilder.Build(WebhookFixtures.PodCreate(), "u2"), CancellationToken.None);

        Assert.That(queries, Does.Contain("?timeout=10s"));
    }

    [Test]
    public void CallAsync_CaBundleOfAnotherAuthority_CallFailure()
    {
        var other = TestCertificates.Create(directory, "other");
        var caller = new HttpsWebhookCaller((_, _, _, _) => throw new InvalidOperationException("no services here"));

        Assert.That(async () => await caller.CallAsync(Webhook(File.ReadAllText(other.CaFile)), AdmissionReviewBuilder.Build(WebhookFixtures.PodCreate(), "u3"), CancellationToken.None),
            Throws.TypeOf<WebhookCallException>().With.Message.StartsWith("failed calling webhook \"mutate.rightsizer.io\": failed to call webhook: Post \""));
    }

    [Test]
    public void WithTimeout_FractionalSeconds_RoundedUp()
    {
        Assert.That(HttpsWebhookCaller.WithTimeout(new Uri("https://svc.ns.svc:443/mutate"), TimeSpan.FromMilliseconds(2500)).ToString(), Is.EqualTo("https://svc.ns.svc/mutate?timeout=3s"));
    }
}
