namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>A request refused with a <see cref="ApiStatus"/>; the server writes <see cref="Status"/> as the response.</summary>
public sealed class ApiStatusException(ApiStatus status) : Exception(status.Message)
{
    public ApiStatus Status { get; } = status;
}
