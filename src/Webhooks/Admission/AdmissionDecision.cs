namespace RightSizer.Webhooks.Admission;

/// <summary>A handler's answer and the reason code it is counted under.</summary>
public sealed record AdmissionDecision(AdmissionResponse Response, string Reason)
{
    public static AdmissionDecision Allow(string uid, string reason, IReadOnlyList<string>? warnings = null) =>
        new(new AdmissionResponse { Uid = uid, Allowed = true, Warnings = warnings is { Count: > 0 } ? warnings : null }, reason);

    public static AdmissionDecision Deny(string uid, string reason, string message) =>
        new(new AdmissionResponse { Uid = uid, Allowed = false, Status = new AdmissionStatus(422, message, "Invalid") }, reason);
}
