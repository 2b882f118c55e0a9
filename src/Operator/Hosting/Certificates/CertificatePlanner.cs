using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// Decides what a check of the stored certificates must do, and <see cref="Renew"/> does it. Pure: the stored PEM,
/// the names the serving certificate must carry and the time come in; certificates come out.
/// </summary>
public static class CertificatePlanner
{
    public static CertificatePlan Plan(WebhookCertificates? stored, IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        if (stored is null)
        {
            return new CertificatePlan(CertificateAction.Create, CertificateReasons.NotStored);
        }

        using var authority = TryLoad(stored.CaBundlePem, stored.CaKeyPem);
        if (authority is null)
        {
            return new CertificatePlan(CertificateAction.Create, CertificateReasons.AuthorityUnreadable);
        }

        var authorityRenewAt = CertificateTimes.NotAfter(authority) - WebhookCertificateDefaults.AuthorityRenewBefore;
        if (now >= authorityRenewAt)
        {
            return new CertificatePlan(CertificateAction.RenewAuthority, CertificateReasons.AuthorityExpiring);
        }

        using var serving = TryLoad(stored.ServingCertificatePem, stored.ServingKeyPem);
        if (serving is null)
        {
            return new CertificatePlan(CertificateAction.IssueServing, CertificateReasons.ServingUnreadable);
        }

        if (!SignedBy(serving, authority))
        {
            return new CertificatePlan(CertificateAction.IssueServing, CertificateReasons.ServingNotSignedByAuthority);
        }

        if (!DnsNames(serving).SetEquals(dnsNames))
        {
            return new CertificatePlan(CertificateAction.IssueServing, CertificateReasons.ServingNamesChanged);
        }

        var servingRenewAt = CertificateTimes.NotAfter(serving) - WebhookCertificateDefaults.ServingRenewBefore;
        if (now >= servingRenewAt)
        {
            return new CertificatePlan(CertificateAction.IssueServing, CertificateReasons.ServingExpiring);
        }

        return new CertificatePlan(CertificateAction.Keep, CertificateReasons.Valid, servingRenewAt < authorityRenewAt ? servingRenewAt : authorityRenewAt);
    }

    /// <summary>Carries out <paramref name="plan"/>: the stored certificates, or new ones that replace them.</summary>
    public static WebhookCertificates Renew(WebhookCertificates? stored, CertificatePlan plan, IReadOnlyList<string> dnsNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        switch (plan.Action)
        {
            case CertificateAction.Keep:
                return stored ?? throw new ArgumentException("Keep needs stored certificates", nameof(stored));
            case CertificateAction.IssueServing:
                ArgumentNullException.ThrowIfNull(stored);
                var (certificate, key) = CertificateIssuer.IssueServing(stored.CaBundlePem, stored.CaKeyPem, dnsNames, now);
                return stored with { ServingCertificatePem = certificate, ServingKeyPem = key };
            default:
                var (authorityPem, authorityKey) = CertificateIssuer.NewAuthority(now);
                // Replicas still serving a certificate of the old CA stay trusted until they pick up the new one.
                IReadOnlyList<string> previous = plan.Action == CertificateAction.RenewAuthority && stored is not null
                    ? StillValid(stored.CaBundlePem, now)
                    : [];
                var bundle = string.Join("\n", [authorityPem, .. previous]) + "\n";
                var (servingPem, servingKey) = CertificateIssuer.IssueServing(authorityPem, authorityKey, dnsNames, now);
                return new WebhookCertificates(bundle, authorityKey, servingPem, servingKey);
        }
    }

    /// <summary>The names a serving certificate for a Service carries, as the API server dials it.</summary>
    public static IReadOnlyList<string> ServiceDnsNames(string service, string @namespace) =>
        [$"{service}.{@namespace}.svc", $"{service}.{@namespace}.svc.cluster.local"];

    private static X509Certificate2? TryLoad(string certificatePem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static bool SignedBy(X509Certificate2 serving, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Expiry is the renewal window's business; only the signature and the issuer matter here.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(serving);
    }

    private static HashSet<string> DnsNames(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateDnsNames())];

    private static List<string> StillValid(string bundlePem, DateTimeOffset now)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(bundlePem);
        var kept = certificates.Where(c => CertificateTimes.NotAfter(c) > now).Select(c => c.ExportCertificatePem()).ToList();
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        return kept;
    }
}
