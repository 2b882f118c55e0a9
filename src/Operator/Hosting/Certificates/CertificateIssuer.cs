using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// Makes the bootstrap CA and the serving certificates it signs: ECDSA P-256 keys (fast to make, accepted by every
/// API server), SHA-256 signatures, positive random serial numbers (Go's x509 refuses negative ones), validity from
/// the injected clock, backdated by <see cref="WebhookCertificateDefaults.Backdate"/>.
/// </summary>
public static class CertificateIssuer
{
    public const string AuthorityName = "CN=rightsizer-webhook-ca";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static (string CertificatePem, string KeyPem) NewAuthority(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(AuthorityName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var name = new X500DistinguishedName(AuthorityName);
        using var certificate = request.Create(
            name, X509SignatureGenerator.CreateForECDsa(key), now - WebhookCertificateDefaults.Backdate, now + WebhookCertificateDefaults.AuthorityLifetime, SerialNumber());
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A serving certificate for <paramref name="dnsNames"/>, never outliving the CA that signs it.</summary>
    public static (string CertificatePem, string KeyPem) IssueServing(
        string authorityCertificatePem, string authorityKeyPem, IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        using var authority = X509Certificate2.CreateFromPem(authorityCertificatePem, authorityKeyPem);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }

        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var notAfter = Min(now + WebhookCertificateDefaults.ServingLifetime, CertificateTimes.NotAfter(authority));
        using var issued = request.Create(authority, now - WebhookCertificateDefaults.Backdate, notAfter, SerialNumber());
        return (issued.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
