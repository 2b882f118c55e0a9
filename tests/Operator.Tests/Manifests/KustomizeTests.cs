using System.Diagnostics;
using YamlDotNet.Serialization;

namespace RightSizer.Operator.Tests.Manifests;

public sealed class KustomizeTests
{
    private static List<Dictionary<object, object>> _objects = [];

    [OneTimeSetUp]
    public static async Task RenderDefault()
    {
        const string kubectl = "/usr/bin/kubectl";
        var path = File.Exists(kubectl) ? kubectl : "kubectl";
        var start = new ProcessStartInfo(path, ["kustomize", RepositoryRoot.File("config", "default")])
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
            throw new InvalidOperationException("kubectl is needed to render config/default (kubectl kustomize); install kubectl 1.14 or newer.", e);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await error);

        var deserializer = new DeserializerBuilder().Build();
        _objects = [.. (await output).Split("\n---\n").Select(d => deserializer.Deserialize<Dictionary<object, object>>(d))];
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
    public void Kustomize_ClusterRole_NoWildcards()
    {
        var rules = ((List<object>)Single("ClusterRole")["rules"]).Cast<Dictionary<object, object>>().ToList();

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

    private static Dictionary<object, object> Single(string kind) => _objects.Single(o => (string)o["kind"] == kind);

    private static Dictionary<object, object> Map(Dictionary<object, object> map, string key) => (Dictionary<object, object>)map[key];
}
