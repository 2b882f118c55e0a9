namespace RightSizer.Webhooks.Admission;

/// <summary>The outcome label of the admissions metric.</summary>
public static class AdmissionOutcomes
{
    public const string Patched = "patched";
    public const string Allowed = "allowed";
    public const string Denied = "denied";

    /// <summary>Admitted unchanged because something went wrong; the reason label says what.</summary>
    public const string FailedOpen = "failed-open";

    /// <summary>Refused because something went wrong in a webhook that fails closed.</summary>
    public const string FailedClosed = "failed-closed";
}
