using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>Who writes and how: fieldManager, dryRun=All, fieldValidation, and the user admission webhooks are told about.</summary>
public sealed record WriteOptions(string FieldManager, bool DryRun, FieldValidation FieldValidation, AdmissionUser User)
{
    /// <summary>The user behind the kubeconfig's token (a cluster administrator).</summary>
    public static AdmissionUser Administrator { get; } = new("kubernetes-admin", ["system:masters", "system:authenticated"]);

    /// <summary>A write by the server itself, a test's fixture or a simulated controller.</summary>
    public static WriteOptions Internal(string manager, AdmissionUser? user = null) => new(manager, false, FieldValidation.Ignore, user ?? Administrator);
}
