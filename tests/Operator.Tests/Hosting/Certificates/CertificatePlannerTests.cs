using System.Security.Cryptography.X509Certificates;
using RightSizer.Operator.Hosting.Certificates;

namespace RightSizer.Operator.Tests.Hosting.Certificates;

public sealed class CertificatePlannerTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> Names = CertificatePlanner.ServiceDnsNames("rightsizer-webhook-service", "rightsizer-system");

    public sealed record Row(string Name, Func<WebhookCertificates?> Stored, TimeSpan Later, IReadOnlyList<string> Wanted, CertificateAction Action, string Reason)
    {
        public override string ToString() => Name;
    }

    private static WebhookCertificates Fresh() => CertificatePlanner.Renew(null, new CertificatePlan(CertificateAction.Create, CertificateReasons.NotStored), Names, Issued);

    public static IEnumerable<TestCaseData> Rows()
    {
        IEnumerable<Row> rows =
        [
            new("nothing stored", () => null, TimeSpan.Zero, Names, CertificateAction.Create, CertificateReasons.NotStored),
            new("just made", Fresh, TimeSpan.Zero, Names, CertificateAction.Keep, CertificateReasons.Valid),
            new("a day before the serving window", Fresh, TimeSpan.FromDays(59), Names, CertificateAction.Keep, CertificateReasons.Valid),
            new("inside the serving window", Fresh, TimeSpan.FromDays(61), Names, CertificateAction.IssueServing, CertificateReasons.ServingExpiring),
            new("serving expired", Fresh, TimeSpan.FromDays(91), Names, CertificateAction.IssueServing, CertificateReasons.ServingExpiring),
            new("inside the CA window", Fresh, TimeSpan.FromDays((4 * 365) + 1), Names, CertificateAction.RenewAuthority, CertificateReasons.AuthorityExpiring),
            new("service renamed", Fresh, TimeSpan.Zero, CertificatePlanner.ServiceDnsNames("other", "rightsizer-system"), CertificateAction.IssueServing, CertificateReasons.ServingNamesChanged),
            new("serving from another CA", OtherAuthorityServing, TimeSpan.Zero, Names, CertificateAction.IssueServing, CertificateReasons.ServingNotSignedByAuthority),
            new("serving key lost", () => Fresh() with { ServingKeyPem = "not a key" }, TimeSpan.Zero, Names, CertificateAction.IssueServing, CertificateReasons.ServingUnreadable),
            new("CA key of another CA", () => Fresh() with { CaKeyPem = Fresh().CaKeyPem }, TimeSpan.Zero, Names, CertificateAction.Create, CertificateReasons.AuthorityUnreadable),
            new("CA unreadable", () => Fresh() with { CaBundlePem = "garbage" }, TimeSpan.Zero, Names, CertificateAction.Create, CertificateReasons.AuthorityUnreadable),
        ];
        return rows.Select(row => new TestCaseData(row).SetArgDisplayNames(row.Name));
    }

    [TestCaseSource(nameof(Rows))]
    public void Plan_StoredCertificates_ActionAndReason(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);

        var plan = CertificatePlanner.Plan(row.Stored(), row.Wanted, Issued + row.Later);

        Assert.That((plan.Action, plan.Reason), Is.EqualTo((row.Action, row.Reason)));
    }

    [Test]
    public void Plan_Kept_RenewsWithAThirdOfTheServingLifetimeLeft()
    {
        var plan = CertificatePlanner.Plan(Fresh(), Names, Issued);

        // X.509 times have whole seconds.
        Assert.That(plan.RenewAt, Is.EqualTo(Issued + TimeSpan.FromDays(60)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Renew_ServingExpiring_SameCaNewServingChainedToIt()
    {
        var stored = Fresh();
        var later = Issued + TimeSpan.FromDays(61);

        var renewed = CertificatePlanner.Renew(stored, CertificatePlanner.Plan(stored, Names, later), Names, later);

        using var serving = X509Certificate2.CreateFromPem(renewed.ServingCertificatePem, renewed.ServingKeyPem);
        Assert.Multiple(() =>
        {
            Assert.That(renewed.CaBundlePem, Is.EqualTo(stored.CaBundlePem), "the caBundle stays, so replicas on the old serving certificate stay trusted");
            Assert.That(renewed.ServingCertificatePem, Is.Not.EqualTo(stored.ServingCertificatePem));
            Assert.That(CertificateTimes.NotAfter(serving), Is.EqualTo(later + WebhookCertificateDefaults.ServingLifetime).Within(TimeSpan.FromSeconds(1)));
            Assert.That(CertificateTimes.NotBefore(serving), Is.EqualTo(later - WebhookCertificateDefaults.Backdate).Within(TimeSpan.FromSeconds(1)));
            Assert.That(CertificatePlanner.Plan(renewed, Names, later).Action, Is.EqualTo(CertificateAction.Keep));
        });
    }

    [Test]
    public void Renew_AuthorityExpiring_BundleHoldsNewThenOldCa()
    {
        var stored = Fresh();
        var later = Issued + TimeSpan.FromDays((4 * 365) + 1);

        var renewed = CertificatePlanner.Renew(stored, CertificatePlanner.Plan(stored, Names, later), Names, later);

        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(renewed.CaBundlePem);
        var old = new X509Certificate2Collection();
        old.ImportFromPem(stored.CaBundlePem);
        Assert.Multiple(() =>
        {
            Assert.That(bundle, Has.Count.EqualTo(2));
            Assert.That(bundle[1].Thumbprint, Is.EqualTo(old[0].Thumbprint), "the old CA stays trusted until it expires");
            Assert.That(bundle[0].Thumbprint, Is.Not.EqualTo(old[0].Thumbprint));
            Assert.That(CertificatePlanner.Plan(renewed, Names, later).Action, Is.EqualTo(CertificateAction.Keep), "the new serving certificate is signed by the new CA");
        });
    }

    [Test]
    public void Renew_AuthorityExpiredLongAgo_OldCaDropped()
    {
        var stored = Fresh();
        var later = Issued + TimeSpan.FromDays((6 * 365) + 1);

        var renewed = CertificatePlanner.Renew(stored, CertificatePlanner.Plan(stored, Names, later), Names, later);

        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(renewed.CaBundlePem);
        Assert.That(bundle, Has.Count.EqualTo(1));
    }

    [Test]
    public void IssueServing_CaNearItsEnd_NeverOutlivesTheCa()
    {
        var stored = Fresh();
        using var authority = X509Certificate2.CreateFromPem(stored.CaBundlePem);
        var late = CertificateTimes.NotAfter(authority) - TimeSpan.FromDays(10);

        var (certificate, _) = CertificateIssuer.IssueServing(stored.CaBundlePem, stored.CaKeyPem, Names, late);

        using var serving = X509Certificate2.CreateFromPem(certificate);
        Assert.That(CertificateTimes.NotAfter(serving), Is.EqualTo(CertificateTimes.NotAfter(authority)));
    }

    [Test]
    public void IssueServing_Names_ServiceNamesAndServerAuthOnly()
    {
        var stored = Fresh();

        using var serving = X509Certificate2.CreateFromPem(stored.ServingCertificatePem);
        var names = serving.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames();
        var usages = serving.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "rightsizer-webhook-service.rightsizer-system.svc", "rightsizer-webhook-service.rightsizer-system.svc.cluster.local" }));
            Assert.That(usages, Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.1" }));
            Assert.That(serving.SerialNumberBytes.Span[0] & 0x80, Is.Zero, "a positive serial number: Go's x509 refuses negative ones");
        });
    }

    [Test]
    public void FromSecretData_KeyMissing_Null()
    {
        var data = Fresh().ToSecretData();
        data.Remove(WebhookCertificates.CaKeyKey);

        Assert.That(WebhookCertificates.FromSecretData(data), Is.Null);
    }

    [Test]
    public void FromSecretData_RoundTrip_Equal()
    {
        var stored = Fresh();

        Assert.That(WebhookCertificates.FromSecretData(stored.ToSecretData()), Is.EqualTo(stored));
    }

    private static WebhookCertificates OtherAuthorityServing()
    {
        var ours = Fresh();
        var theirs = Fresh();
        return ours with { ServingCertificatePem = theirs.ServingCertificatePem, ServingKeyPem = theirs.ServingKeyPem };
    }
}
