using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// Writes the CA bundle into <c>clientConfig.caBundle</c> of every webhook of the two configurations, by name, with a
/// JSON patch that first tests each webhook's name at its index (a concurrent reorder fails the patch rather than
/// writing the wrong entry). Webhooks that already carry the bundle are left alone, so a steady check writes nothing.
/// </summary>
public sealed partial class CaBundleInjector(IKubernetes client, ILogger<CaBundleInjector> logger)
{
    /// <returns>Whether both configurations exist and carry the bundle.</returns>
    public async Task<bool> InjectAsync(string mutatingName, string validatingName, string caBundlePem, CancellationToken cancellationToken)
    {
        var bundle = Encoding.UTF8.GetBytes(caBundlePem);
        var mutating = await InjectAsync(
            "MutatingWebhookConfiguration",
            mutatingName,
            ct => client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync(mutatingName, cancellationToken: ct),
            c => c.Webhooks?.Select(w => (w.Name, w.ClientConfig?.CaBundle)).ToList() ?? [],
            (patch, ct) => client.AdmissionregistrationV1.PatchMutatingWebhookConfigurationAsync(patch, mutatingName, cancellationToken: ct),
            bundle,
            cancellationToken).ConfigureAwait(false);
        var validating = await InjectAsync(
            "ValidatingWebhookConfiguration",
            validatingName,
            ct => client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(validatingName, cancellationToken: ct),
            c => c.Webhooks?.Select(w => (w.Name, w.ClientConfig?.CaBundle)).ToList() ?? [],
            (patch, ct) => client.AdmissionregistrationV1.PatchValidatingWebhookConfigurationAsync(patch, validatingName, cancellationToken: ct),
            bundle,
            cancellationToken).ConfigureAwait(false);
        return mutating && validating;
    }

    private async Task<bool> InjectAsync<T>(
        string kind,
        string name,
        Func<CancellationToken, Task<T>> read,
        Func<T, List<(string Name, byte[]? CaBundle)>> webhooks,
        Func<V1Patch, CancellationToken, Task<T>> patch,
        byte[] bundle,
        CancellationToken cancellationToken)
    {
        T configuration;
        try
        {
            configuration = await read(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            LogMissing(logger, kind, name);
            return false;
        }

        var operations = new JsonArray();
        var entries = webhooks(configuration);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].CaBundle is { } current && current.AsSpan().SequenceEqual(bundle))
            {
                continue;
            }

            operations.Add(new JsonObject { ["op"] = "test", ["path"] = $"/webhooks/{i}/name", ["value"] = entries[i].Name });
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = $"/webhooks/{i}/clientConfig/caBundle", ["value"] = Convert.ToBase64String(bundle) });
        }

        if (operations.Count == 0)
        {
            return true;
        }

        await patch(new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch), cancellationToken).ConfigureAwait(false);
        LogInjected(logger, kind, name, operations.Count / 2);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Name} not found; its caBundle is written once it exists")]
    private static partial void LogMissing(ILogger logger, string kind, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "caBundle written into {Count} webhooks of {Kind} {Name}")]
    private static partial void LogInjected(ILogger logger, string kind, string name, int count);
}
