namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary><c>schema.GroupResource</c>: printed <c>pods</c> for the core group, <c>leases.coordination.k8s.io</c> otherwise.</summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : Resource + "." + Group;
}
