namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary><c>schema.GroupKind</c>: printed <c>Pod</c> for the core group, <c>MemoryPolicy.rightsizer.io</c> otherwise.</summary>
public readonly record struct GroupKind(string Group, string Kind)
{
    public override string ToString() => Group.Length == 0 ? Kind : Kind + "." + Group;
}
