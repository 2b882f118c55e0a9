namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>The <c>fieldValidation</c> query parameter: what the server does with fields the schema does not know.</summary>
public enum FieldValidation
{
    /// <summary>Drop them silently.</summary>
    Ignore,

    /// <summary>Drop them and answer with a <c>Warning</c> header per field (the default since 1.27).</summary>
    Warn,

    /// <summary>Refuse the request with 400 BadRequest naming them.</summary>
    Strict,
}
