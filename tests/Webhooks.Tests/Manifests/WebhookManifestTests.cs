using System.Diagnostics;
using RightSizer.Testing;
using RightSizer.Webhooks.Admission;
using YamlDotNet.Serialization;

namespace RightSizer.Webhooks.Tests.Manifests;

/// <summary>The rendered cert-manager variant agrees with the code: paths, Secret, service name and CA injection.</summary>
public sealed class WebhookManifestTests
{
    private static List<Dictionary<object, object>> _objects = [];

    [OneTimeSetUp]
    public static async Task Render()
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", RepositoryRoot.File("config", "default-certmanager")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start; scripts/install-test-deps.sh installs it");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await error);
        var deserializer = new DeserializerBuilder().Build();
        _objects = [.. (await output).Split("\n---\n").Select(d => deserializer.Deserialize<Dictionary<object, object>>(d))];
    }

    [Test]
    public void Webhooks_Paths_AreTheServedOnes()
    {
        Assert.That(ServicePath("MutatingWebhookConfiguration"), Is.EqualTo(WebhookDefaults.MutatePodPath));
        Assert.That(ServicePath("ValidatingWebhookConfiguration"), Is.EqualTo(WebhookDefaults.ValidateMemoryPolicyPath));
    }

    [Test]
    public void Certificate_Secret_IsTheOneTheManagerMounts()
    {
        var volumes = (List<object>)Map(Map(Map(Single("Deployment"), "spec"), "template"), "spec")["volumes"];
        var mounted = volumes.Cast<Dictionary<object, object>>().Single(v => (string)v["name"] == "webhook-certs");

        Assert.That(Map(Single("Certificate"), "spec")["secretName"], Is.EqualTo(Map(mounted, "secret")["secretName"]));
    }

    [Test]
    public void Certificate_DnsNames_NameTheWebhookService()
    {
        var service = Single("Service");
        var name = $"{Map(service, "metadata")["name"]}.{Map(service, "metadata")["namespace"]}.svc";

        Assert.That((List<object>)Map(Single("Certificate"), "spec")["dnsNames"], Does.Contain(name));
    }

    [TestCase("MutatingWebhookConfiguration")]
    [TestCase("ValidatingWebhookConfiguration")]
    public void WebhookConfiguration_CaInjection_NamesTheCertificate(string kind)
    {
        var certificate = Map(Single("Certificate"), "metadata");

        Assert.That(Map(Map(Single(kind), "metadata"), "annotations")["cert-manager.io/inject-ca-from"],
            Is.EqualTo($"{certificate["namespace"]}/{certificate["name"]}"));
    }

    private static string ServicePath(string kind) =>
        (string)Map(Map((Dictionary<object, object>)((List<object>)Single(kind)["webhooks"])[0], "clientConfig"), "service")["path"];

    private static Dictionary<object, object> Single(string kind) => _objects.Single(o => (string)o["kind"] == kind);

    private static Dictionary<object, object> Map(Dictionary<object, object> map, string key) => (Dictionary<object, object>)map[key];
}
