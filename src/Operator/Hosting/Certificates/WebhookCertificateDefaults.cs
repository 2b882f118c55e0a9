namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// The bootstrap certificate's names and lifetimes. The names are config/default's rendered ones (namespace
/// <c>rightsizer-system</c>, prefix <c>rightsizer-</c>); the lifetimes follow cert-manager's habit of renewing with a
/// third of the lifetime left, so a replica that misses a check still has weeks before anything expires.
/// </summary>
public static class WebhookCertificateDefaults
{
    public const string ServiceName = "rightsizer-webhook-service";
    public const string Namespace = "rightsizer-system";
    public const string SecretName = "rightsizer-webhook-server-cert";
    public const string MutatingWebhookConfiguration = "rightsizer-mutating-webhook-configuration";
    public const string ValidatingWebhookConfiguration = "rightsizer-validating-webhook-configuration";

    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(5 * 365);

    /// <summary>A new CA is made with a year left, longer than any serving certificate the old one signed.</summary>
    public static readonly TimeSpan AuthorityRenewBefore = TimeSpan.FromDays(365);

    public static readonly TimeSpan ServingLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan ServingRenewBefore = TimeSpan.FromDays(30);

    /// <summary>Certificates start this long before they are made, so a node whose clock lags still accepts them.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromHours(1);

    /// <summary>How often every replica re-reads the Secret and the webhook configurations, renewal due or not.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);
}
