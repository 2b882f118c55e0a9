namespace RightSizer.Webhooks.Admission;

/// <summary>Bounds on what an admission request may cost us, checked before any parsing.</summary>
public static class AdmissionLimits
{
    /// <summary>The API server's own limit on a request body is 3 MiB; nothing larger is a real object.</summary>
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    public const int MaxJsonDepth = 64;
}
