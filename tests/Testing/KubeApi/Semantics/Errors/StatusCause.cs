namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary><c>metav1.StatusCause</c>; its Go field <c>Type</c> is written as JSON <c>reason</c>.</summary>
public sealed record StatusCause(string Reason, string Message, string Field = "");
