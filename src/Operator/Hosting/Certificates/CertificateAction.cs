namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>What a certificate check decides, from least to most work.</summary>
public enum CertificateAction
{
    /// <summary>Everything valid and outside its renewal window.</summary>
    Keep,

    /// <summary>A new serving certificate from the current CA; the caBundle stays as it is.</summary>
    IssueServing,

    /// <summary>A new CA and serving certificate; the old CA stays in the bundle while it is valid.</summary>
    RenewAuthority,

    /// <summary>Nothing usable stored: a new CA and serving certificate.</summary>
    Create,
}
