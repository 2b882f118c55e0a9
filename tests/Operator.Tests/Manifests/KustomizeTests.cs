using System.Diagnostics;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Hosting.Certificates;
using YamlDotNet.Serialization;

namespace RightSizer.Operator.Tests.Manifests;

public sealed class KustomizeTests
{
    private static List<Dictionary<object, object>> _objects = [];
    private static List<Dictionary<object, object>> _certManager = [];

    [OneTimeSetUp]
    public static async Task RenderDefault()
    {
        _objects = await RenderAsync("default");
        _certManager = await RenderAsync("default-certmanager");
    }

    [Test]
    public void Kustomize_Default_RendersEveryKind() =>
        Assert.That(_objects.Select(o => (string)o["kind"]).Distinct().Order(), Is.EqualTo(new[]
        {
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "MutatingWebhookConfiguration",
            "Namespace", "Role", "RoleBinding", "Service", "ServiceAccount", "ValidatingWebhookConfiguration",
        }));

    [Test]
    public void Kustomize_Deployment_HardenedSecurityContext()
    {
        var spec = Map(Map(Map(Single("Deployment"), "spec"), "template"), "spec");
        var pod = Map(spec, "securityContext");
        var container = Map((Dictionary<object, object>)((List<object>)spec["containers"])[0], "securityContext");

        Assert.Multiple(() =>
        {
            Assert.That(pod["runAsNonRoot"], Is.EqualTo("true"));
            Assert.That(Map(pod, "seccompProfile")["type"], Is.EqualTo("RuntimeDefault"));
            Assert.That(container["readOnlyRootFilesystem"], Is.EqualTo("true"));
            Assert.That(container["allowPrivilegeEscalation"], Is.EqualTo("false"));
            Assert.That((List<object>)Map(container, "capabilities")["drop"], Is.EqualTo(new[] { "ALL" }));
        });
    }

    [Test]
    public void Kustomize_MutatingWebhook_NeverBlocksPods()
    {
        var webhook = (Dictionary<object, object>)((List<object>)Single("MutatingWebhookConfiguration")["webhooks"])[0];
        var excluded = (List<object>)((Dictionary<object, object>)((List<object>)Map(webhook, "namespaceSelector")["matchExpressions"])[0])["values"];

        Assert.Multiple(() =>
        {
            Assert.That(webhook["failurePolicy"], Is.EqualTo("Ignore"));
            Assert.That(excluded, Is.EquivalentTo(new[] { "kube-system", "rightsizer-system" }));
            Assert.That(Map(Map(webhook, "clientConfig"), "service")["namespace"], Is.EqualTo("rightsizer-system"));
        });
    }

    [Test]
    public void Kustomize_Roles_NoWildcards()
    {
        var rules = _objects.Where(o => (string)o["kind"] is "ClusterRole" or "Role")
            .SelectMany(o => ((List<object>)o["rules"]).Cast<Dictionary<object, object>>()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rules, Is.Not.Empty);
            foreach (var rule in rules)
            {
                Assert.That((List<object>)rule["verbs"], Has.None.EqualTo("*"));
                Assert.That((List<object>)rule["resources"], Has.None.EqualTo("*"));
                Assert.That((List<object>)rule["apiGroups"], Has.None.EqualTo("*"));
            }
        });
    }

    [Test]
    public void Kustomize_Default_BootstrapCertificateIntoWritableEmptyDir()
    {
        var container = Container(_objects);
        var volume = Volume(_objects, "webhook-certs");
        var mount = ((List<object>)container["volumeMounts"]).Cast<Dictionary<object, object>>().Single(m => (string)m["name"] == "webhook-certs");

        Assert.Multiple(() =>
        {
            Assert.That((List<object>)container["args"], Does.Contain("--webhook-bootstrap-cert"));
            Assert.That(volume.ContainsKey("emptyDir"), Is.True, "the operator writes the pair; nothing is mounted");
            Assert.That(mount.ContainsKey("readOnly"), Is.False);
            Assert.That(mount["mountPath"], Is.EqualTo(OperatorDefaults.WebhookCertDir));
        });
    }

    [Test]
    public void Kustomize_Default_NamesMatchTheBootstrapDefaults()
    {
        var service = Named(_objects, "Service", WebhookCertificateDefaults.ServiceName);

        Assert.Multiple(() =>
        {
            Assert.That(Map(service, "metadata")["namespace"], Is.EqualTo(WebhookCertificateDefaults.Namespace));
            Assert.That(Named(_objects, "MutatingWebhookConfiguration", WebhookCertificateDefaults.MutatingWebhookConfiguration), Is.Not.Null);
            Assert.That(Named(_objects, "ValidatingWebhookConfiguration", WebhookCertificateDefaults.ValidatingWebhookConfiguration), Is.Not.Null);
        });
    }

    [Test]
    public void Kustomize_Default_BootstrapRbacLimitedByName()
    {
        var role = Named(_objects, "Role", "rightsizer-webhook-certificate-role");
        var clusterRole = Named(_objects, "ClusterRole", "rightsizer-webhook-certificate-role");
        var secretRules = Rules(role).Where(r => r.ContainsKey("resourceNames")).ToList();
        var unnamed = Rules(role).Where(r => !r.ContainsKey("resourceNames")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Map(role, "metadata")["namespace"], Is.EqualTo(WebhookCertificateDefaults.Namespace));
            Assert.That(secretRules.SelectMany(r => (List<object>)r["resourceNames"]), Is.EqualTo(new[] { WebhookCertificateDefaults.SecretName }));
            Assert.That(secretRules.SelectMany(r => (List<object>)r["verbs"]), Is.EquivalentTo(new[] { "get", "update" }));
            Assert.That(unnamed.SelectMany(r => (List<object>)r["verbs"]), Is.EqualTo(new[] { "create" }), "only create, which cannot be limited by name, is unnamed");
            Assert.That(Rules(clusterRole).SelectMany(r => (List<object>)r["resourceNames"]), Is.EquivalentTo(new[]
            {
                WebhookCertificateDefaults.MutatingWebhookConfiguration, WebhookCertificateDefaults.ValidatingWebhookConfiguration,
            }));
            Assert.That(Rules(clusterRole).SelectMany(r => (List<object>)r["verbs"]).Distinct(), Is.EquivalentTo(new[] { "get", "patch" }));
        });
    }

    [Test]
    public void Kustomize_CertManager_SecretMountedReadOnlyWithoutBootstrap()
    {
        var container = Container(_certManager);
        var volume = Volume(_certManager, "webhook-certs");
        var mount = ((List<object>)container["volumeMounts"]).Cast<Dictionary<object, object>>().Single(m => (string)m["name"] == "webhook-certs");
        var certificate = Named(_certManager, "Certificate", "rightsizer-serving-cert");

        Assert.Multiple(() =>
        {
            Assert.That((List<object>)container["args"], Does.Not.Contain("--webhook-bootstrap-cert"));
            Assert.That(Map(volume, "secret")["secretName"], Is.EqualTo(Map(certificate, "spec")["secretName"]));
            Assert.That(mount["readOnly"], Is.EqualTo("true"));
            Assert.That(_certManager.Where(o => Map(o, "metadata")["name"] as string == "rightsizer-webhook-certificate-role"), Is.Empty,
                "the bootstrap's permissions are not granted");
            Assert.That(_certManager.Where(o => (string)o["kind"] == "MutatingWebhookConfiguration").Select(o => Map(Map(o, "metadata"), "annotations")["cert-manager.io/inject-ca-from"]),
                Is.EqualTo(new[] { "rightsizer-system/rightsizer-serving-cert" }));
        });
    }

    private static Dictionary<object, object> Single(string kind) => _objects.Single(o => (string)o["kind"] == kind);

    private static Dictionary<object, object> Named(List<Dictionary<object, object>> objects, string kind, string name) =>
        objects.Single(o => (string)o["kind"] == kind && (string)Map(o, "metadata")["name"] == name);

    private static IEnumerable<Dictionary<object, object>> Rules(Dictionary<object, object> role) =>
        ((List<object>)role["rules"]).Cast<Dictionary<object, object>>();

    private static Dictionary<object, object> Container(List<Dictionary<object, object>> objects) =>
        (Dictionary<object, object>)((List<object>)Map(Map(Map(objects.Single(o => (string)o["kind"] == "Deployment"), "spec"), "template"), "spec")["containers"])[0];

    private static Dictionary<object, object> Volume(List<Dictionary<object, object>> objects, string name) =>
        ((List<object>)Map(Map(Map(objects.Single(o => (string)o["kind"] == "Deployment"), "spec"), "template"), "spec")["volumes"])
            .Cast<Dictionary<object, object>>().Single(v => (string)v["name"] == name);

    private static async Task<List<Dictionary<object, object>>> RenderAsync(string directory)
    {
        const string kubectl = "/usr/bin/kubectl";
        var path = File.Exists(kubectl) ? kubectl : "kubectl";
        var start = new ProcessStartInfo(path, ["kustomize", RepositoryRoot.File("config", directory)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"kubectl is needed to render config/{directory} (kubectl kustomize); install kubectl 1.14 or newer.", e);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await error);

        var deserializer = new DeserializerBuilder().Build();
        return [.. (await output).Split("\n---\n").Select(d => deserializer.Deserialize<Dictionary<object, object>>(d))];
    }

    private static Dictionary<object, object> Map(Dictionary<object, object> map, string key) => (Dictionary<object, object>)map[key];
}
