namespace RightSizer.Webhooks.Admission;

/// <summary>Reason codes of the plumbing itself, before a handler could decide.</summary>
public static class AdmissionFailures
{
    public const string BodyTooLarge = "body-too-large";
    public const string InvalidJson = "invalid-json";
    public const string InvalidReview = "invalid-review";
    public const string MissingUid = "missing-uid";
}
