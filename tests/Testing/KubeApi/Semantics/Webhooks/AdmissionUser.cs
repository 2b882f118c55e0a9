namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>The requesting user as an AdmissionReview carries it (<c>userInfo</c>).</summary>
public sealed record AdmissionUser(string Username, IReadOnlyList<string> Groups, string Uid = "")
{
    /// <summary>The ReplicaSet controller on a cluster whose controller-manager uses per-controller service accounts.</summary>
    public static AdmissionUser ReplicaSetController { get; } = new(
        "system:serviceaccount:kube-system:replicaset-controller",
        ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]);
}
