using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>kubectl apply -k config/default: every manifest accepted, the webhook configurations registered.</summary>
public sealed class KustomizeApplyTests
{
    [Test]
    public async Task ApplyKustomize_ConfigDefault_AllAcceptedAndWebhooksRegistered()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        var kubectl = new Kubectl(server);
        var ns = await kubectl.RunWithInputAsync("apiVersion: v1\nkind: Namespace\nmetadata: {name: rightsizer-system}\n", "create", "-f", "-");

        var applied = await kubectl.RunAsync("apply", "-k", RepositoryRoot.Of("config/default"));
        var webhooks = await kubectl.RunAsync("get", "mutatingwebhookconfigurations,validatingwebhookconfigurations", "-o", "name");

        Assert.That(ns.ExitCode, Is.Zero, ns.ToString());
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());
        Assert.That(applied.StdOut, Does.Contain("customresourcedefinition.apiextensions.k8s.io/memorypolicies.rightsizer.io created"));
        Assert.That(applied.StdOut, Does.Contain("deployment.apps/rightsizer-"));
        Assert.That(webhooks.StdOut, Does.Contain("mutatingwebhookconfiguration.admissionregistration.k8s.io/rightsizer-mutating-webhook-configuration"));
        Assert.That(webhooks.StdOut, Does.Contain("validatingwebhookconfiguration.admissionregistration.k8s.io/rightsizer-validating-webhook-configuration"));
    }
}
