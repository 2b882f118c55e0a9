namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>Why a check decided what it did: codes for logs and tests, never parsed.</summary>
public static class CertificateReasons
{
    public const string Valid = "Valid";
    public const string NotStored = "NotStored";
    public const string AuthorityUnreadable = "AuthorityUnreadable";
    public const string AuthorityExpiring = "AuthorityExpiring";
    public const string ServingUnreadable = "ServingUnreadable";
    public const string ServingExpiring = "ServingExpiring";
    public const string ServingNotSignedByAuthority = "ServingNotSignedByAuthority";
    public const string ServingNamesChanged = "ServingNamesChanged";
}
