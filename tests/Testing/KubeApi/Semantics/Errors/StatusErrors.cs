using System.Globalization;

namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>The Status errors of apimachinery's <c>pkg/api/errors</c>, with the same codes, reasons, messages and details.</summary>
public static class StatusErrors
{
    public const string Failure = "Failure";

    public const string Success = "Success";

    /// <summary>The detail of a stale-resourceVersion conflict (<c>registry.OptimisticLockErrorMsg</c>).</summary>
    public const string OptimisticLockMessage = "the object has been modified; please apply your changes to the latest version and try again";

    public static ApiStatus NotFound(GroupResource resource, string name) =>
        new(404, Failure, "NotFound", string.Create(CultureInfo.InvariantCulture, $"{resource} {FieldError.GoQuote(name)} not found"))
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Resource,
            HasDetails = true,
        };

    public static ApiStatus AlreadyExists(GroupResource resource, string name) =>
        new(409, Failure, "AlreadyExists", $"{resource} {FieldError.GoQuote(name)} already exists")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Resource,
            HasDetails = true,
        };

    /// <summary><c>NewConflict</c>; <paramref name="detail"/> defaults to the optimistic-lock message of a stale update.</summary>
    public static ApiStatus Conflict(GroupResource resource, string name, string detail = OptimisticLockMessage) =>
        new(409, Failure, "Conflict", $"Operation cannot be fulfilled on {resource} {FieldError.GoQuote(name)}: {detail}")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Resource,
            HasDetails = true,
        };

    /// <summary><c>NewInvalid</c>: one cause per field error, the message aggregating them.</summary>
    public static ApiStatus Invalid(GroupKind kind, string name, IReadOnlyList<FieldError> errors)
    {
        var message = errors.Count == 0
            ? $"{kind} {FieldError.GoQuote(name)} is invalid"
            : $"{kind} {FieldError.GoQuote(name)} is invalid: {FieldErrorList.Aggregate(errors)}";
        return new(422, Failure, "Invalid", message)
        {
            DetailsName = name,
            DetailsGroup = kind.Group,
            DetailsKind = kind.Kind,
            Causes = [.. errors.Select(e => new StatusCause(e.Reason, e.Body(), e.Field))],
            HasDetails = true,
        };
    }

    /// <summary><c>NewForbidden</c>; an admission plugin's refusal reads <c>pods "p1" is forbidden: &lt;reason&gt;</c>.</summary>
    public static ApiStatus Forbidden(GroupResource resource, string name, string reason)
    {
        var message = resource.Resource.Length == 0 && resource.Group.Length == 0
            ? "forbidden: " + reason
            : name.Length == 0
                ? $"{resource} is forbidden: {reason}"
                : $"{resource} {FieldError.GoQuote(name)} is forbidden: {reason}";
        return new(403, Failure, "Forbidden", message)
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Resource,
            HasDetails = true,
        };
    }

    /// <summary><c>NewTooManyRequests</c>: the message as given, <c>retryAfterSeconds</c> in the details.</summary>
    public static ApiStatus TooManyRequests(string message, int retryAfterSeconds, IReadOnlyList<StatusCause>? causes = null) =>
        new(429, Failure, "TooManyRequests", message) { RetryAfterSeconds = retryAfterSeconds, Causes = causes ?? [], HasDetails = true };

    /// <summary><c>NewUnsupportedMediaTypeError</c>: lists the media types the resource accepts.</summary>
    public static ApiStatus UnsupportedMediaType(IEnumerable<string> acceptedMediaTypes) =>
        new(415, Failure, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: " + string.Join(", ", acceptedMediaTypes));

    /// <summary><c>NewResourceExpired</c>, as a watch from a too-old resourceVersion ends: <c>too old resource version: 5 (106)</c>.</summary>
    public static ApiStatus Expired(string message) => new(410, Failure, "Expired", message);

    /// <summary>The message of a watch or list from a resourceVersion the server no longer has.</summary>
    public static ApiStatus TooOldResourceVersion(long requested, long current) =>
        Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {requested} ({current})"));

    public static ApiStatus BadRequest(string message) => new(400, Failure, "BadRequest", message);

    /// <summary><c>NewInternalError</c>: the message is prefixed, the error repeated as the single cause.</summary>
    public static ApiStatus InternalError(string error) =>
        new(500, Failure, "InternalError", "Internal error occurred: " + error) { Causes = [new StatusCause("", error)] };

    /// <summary><c>NewTimeoutError</c> (504).</summary>
    public static ApiStatus Timeout(string message, int retryAfterSeconds = 0) =>
        new(504, Failure, "Timeout", "Timeout: " + message) { RetryAfterSeconds = retryAfterSeconds, HasDetails = true };

    /// <summary><c>NewApplyConflict</c>: server-side apply's 409 with one <c>FieldManagerConflict</c> cause per field.</summary>
    public static ApiStatus ApplyConflict(string message, IReadOnlyList<StatusCause> causes) =>
        new(409, Failure, "Conflict", message) { Causes = causes, HasDetails = true };

    /// <summary>
    /// The 422 of a JSON patch that cannot apply: the handler wraps the patch error in <c>NewGenericServerResponse</c>,
    /// whose 422 message replaces the error's own text, so clients never see which operation failed.
    /// </summary>
    public static ApiStatus UnprocessablePatch() =>
        new(422, Failure, "Invalid", "the server rejected our request due to an error in our request") { HasDetails = true };

    /// <summary>The Success Status a delete or an eviction answers with.</summary>
    public static ApiStatus SuccessStatus(int code) => new(code, Success, "", "");
}
