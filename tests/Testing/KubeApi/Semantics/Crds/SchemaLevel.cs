namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>Where a schema sits, which decides the wording of a missing type.</summary>
internal enum SchemaLevel
{
    Root,
    Item,
    Field,
}
