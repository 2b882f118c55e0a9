using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RightSizer.Testing.Tls;

/// <summary>
/// A throwaway CA that issues serving certificates into a directory as <c>tls.crt</c>/<c>tls.key</c>, the layout
/// cert-manager writes, so a server can be started, rotated and verified the way the API server verifies a webhook.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA _key;

    public TestCertificateAuthority(string name = "rightsizer-test")
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name} CA", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = TimeProvider.System.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>Issues a certificate for 127.0.0.1 and localhost (and <paramref name="dnsNames"/>) and writes the pair.</summary>
    /// <returns>The issued certificate's serial number, to tell which one a server presents.</returns>
    public string IssueServing(string directory, params string[] dnsNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var issued = request.Create(Certificate, now.AddDays(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(16));

        Directory.CreateDirectory(directory);
        // Written beside and renamed into place, so a reader never sees half a file.
        WriteAtomically(Path.Combine(directory, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        WriteAtomically(Path.Combine(directory, "tls.crt"), issued.ExportCertificatePem());
        return issued.SerialNumber;
    }

    /// <summary>Verifies a server certificate against this CA only, as the API server does with a caBundle.</summary>
    public bool Verifies(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
