using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>The Status errors of the HTTP layer itself (apimachinery's NewMethodNotSupported, the authenticator's 401).</summary>
public static class ServerErrors
{
    public static ApiStatus MethodNotSupported(GroupResource resource, string action) =>
        new(405, StatusErrors.Failure, "MethodNotAllowed", $"{action} is not supported on resources of kind {FieldError.GoQuote(resource.ToString())}")
        {
            DetailsGroup = resource.Group,
            DetailsKind = resource.Resource,
            HasDetails = true,
        };

    public static ApiStatus Unauthorized() => new(401, StatusErrors.Failure, "Unauthorized", "Unauthorized");

    public static ApiStatus NotFoundPath() => new(404, StatusErrors.Failure, "NotFound", "the server could not find the requested resource") { HasDetails = true };
}
