namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>A check's decision, why, and when the stored certificates next need a look.</summary>
/// <param name="Reason">One of <see cref="CertificateReasons"/>.</param>
/// <param name="RenewAt">When the kept certificates enter their renewal window; null unless the action is Keep.</param>
public sealed record CertificatePlan(CertificateAction Action, string Reason, DateTimeOffset? RenewAt = null);
