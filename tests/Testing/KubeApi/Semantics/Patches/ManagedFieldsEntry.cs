namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>One <c>metadata.managedFields</c> entry: who set which fields, through which operation.</summary>
public sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, DateTimeOffset Time, SortedSet<string> Fields, string Subresource = "")
{
    public const string Apply = "Apply";

    public const string Update = "Update";
}
