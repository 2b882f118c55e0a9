using System.Text;
using RightSizer.Testing;

namespace RightSizer.EndToEnd.Tests.Support;

/// <summary>config/webhook/manifests.yaml as committed, with a CA in its caBundles (what cert-manager's injector or an admin adds).</summary>
public static class WebhookManifests
{
    /// <summary>Both webhook configurations, in namespace rightsizer-system, trusting <paramref name="caPem"/>.</summary>
    public static string WithCaBundle(string caPem)
    {
        var caBundle = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        return File.ReadAllText(RepositoryRoot.File("config", "webhook", "manifests.yaml"))
            .Replace("    clientConfig:\n", $"    clientConfig:\n      caBundle: {caBundle}\n", StringComparison.Ordinal)
            .Replace("namespace: system", "namespace: rightsizer-system", StringComparison.Ordinal);
    }

    /// <summary>The mutating webhook configuration alone (the first document), trusting <paramref name="caPem"/>.</summary>
    public static string MutatingWithCaBundle(string caPem)
    {
        var manifests = WithCaBundle(caPem);
        return manifests[..manifests.IndexOf("\n---\n", StringComparison.Ordinal)];
    }
}
