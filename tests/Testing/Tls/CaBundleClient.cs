using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace RightSizer.Testing.Tls;

/// <summary>
/// A TLS client that trusts only a caBundle and checks the server name, as the API server does when it calls a
/// webhook; it reports the certificate the server presented.
/// </summary>
public static class CaBundleClient
{
    /// <returns>The presented certificate, when it chains to the bundle and carries <paramref name="serverName"/>.</returns>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The certificate is not accepted.</exception>
    public static async Task<X509Certificate2> HandshakeAsync(IPEndPoint endpoint, string serverName, string caBundlePem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint, cancellationToken);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Accepts(certificate, errors, caBundlePem),
        }, cancellationToken);
        return new X509Certificate2(tls.RemoteCertificate!);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of the bundle's CAs, with no name mismatch.</summary>
    public static bool Accepts(X509Certificate? certificate, SslPolicyErrors errors, string caBundlePem)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(caBundlePem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
