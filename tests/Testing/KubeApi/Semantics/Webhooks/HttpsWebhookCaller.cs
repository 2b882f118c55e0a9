using System.Globalization;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// Calls a webhook over HTTPS as the API server does: <c>clientConfig.url</c>, or the service resolved by
/// <paramref name="resolveService"/> (port 443 and path <c>/</c> by default); the server certificate must chain to
/// <c>clientConfig.caBundle</c> and carry the host in its SANs; the request gets <c>?timeout=&lt;N&gt;s</c> and the
/// same deadline (<c>timeoutSeconds</c>, 10 by default). <paramref name="dial"/>, when given, picks the endpoint a
/// host:port connects to without changing the URL or the name the certificate is checked against.
/// </summary>
public sealed class HttpsWebhookCaller(
    Func<string, string, int, string, Uri> resolveService,
    Func<System.Net.DnsEndPoint, System.Net.EndPoint?>? dial = null) : IWebhookCaller
{
    public const int DefaultTimeoutSeconds = 10;

    public async Task<JsonObject> CallAsync(JsonObject webhook, JsonObject review, CancellationToken cancellationToken)
    {
        var name = webhook["name"]?.GetValue<string>() ?? "";
        var clientConfig = webhook["clientConfig"] as JsonObject ?? [];
        var timeout = TimeSpan.FromSeconds(webhook["timeoutSeconds"] is { } seconds ? CustomResources.JsonTypes.ToDouble(seconds) : DefaultTimeoutSeconds);
        var uri = WithTimeout(Target(clientConfig), timeout);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = CaBundleValidator(clientConfig["caBundle"]?.GetValue<string>());
        if (dial is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(dial(context.DnsEndPoint) ?? context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var content = new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(uri, content, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookCallException(name, string.Create(CultureInfo.InvariantCulture,
                    $"failed to call webhook: the server responded with the status code {(int)response.StatusCode} but did not return more information"));
            }

            return await response.Content.ReadFromJsonAsync<JsonObject>(deadline.Token)
                ?? throw new WebhookCallException(name, "received invalid webhook response: webhook response was absent");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebhookCallException(name, $"failed to call webhook: Post \"{uri}\": context deadline exceeded", e);
        }
        catch (HttpRequestException e)
        {
            throw new WebhookCallException(name, $"failed to call webhook: Post \"{uri}\": {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new WebhookCallException(name, "failed to call webhook: " + e.Message, e);
        }
    }

    /// <summary>client-go's <c>Timeout</c>: the deadline rounded up to whole seconds, as a Go duration.</summary>
    public static Uri WithTimeout(Uri target, TimeSpan timeout)
    {
        var seconds = (long)Math.Ceiling(timeout.TotalSeconds);
        var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
        return new Uri(target + separator + string.Create(CultureInfo.InvariantCulture, $"timeout={seconds}s"));
    }

    private Uri Target(JsonObject clientConfig)
    {
        if (clientConfig["url"]?.GetValue<string>() is { Length: > 0 } url)
        {
            return new Uri(url);
        }

        var service = clientConfig["service"] as JsonObject ?? [];
        return resolveService(
            service["namespace"]?.GetValue<string>() ?? "",
            service["name"]?.GetValue<string>() ?? "",
            service["port"] is { } port ? (int)CustomResources.JsonTypes.ToLong(port) : 443,
            service["path"]?.GetValue<string>() ?? "/");
    }

    /// <summary>Trusts only the configured CA bundle (PEM, base64 in the object); the host name must still match.</summary>
    private static RemoteCertificateValidationCallback CaBundleValidator(string? caBundleBase64) => (_, certificate, _, errors) =>
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (string.IsNullOrEmpty(caBundleBase64))
        {
            return errors == SslPolicyErrors.None;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(caBundleBase64)));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    };
}
