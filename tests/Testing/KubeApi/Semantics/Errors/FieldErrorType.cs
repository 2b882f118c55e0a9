namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>The kinds of field error apimachinery knows (<c>field.ErrorType</c>); the wire name goes into a cause's <c>reason</c>.</summary>
public enum FieldErrorType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    TooShort,
    Internal,
    TypeInvalid,
}
