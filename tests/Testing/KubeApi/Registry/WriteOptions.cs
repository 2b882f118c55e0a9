using RightSizer.Testing.KubeApi.Semantics.CustomResources;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>The query parameters every write carries: who writes (fieldManager), dryRun=All, fieldValidation.</summary>
public sealed record WriteOptions(string FieldManager, bool DryRun, FieldValidation FieldValidation)
{
    /// <summary>A write by the server itself or a simulated controller.</summary>
    public static WriteOptions Internal(string manager) => new(manager, false, FieldValidation.Ignore);
}
