namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Maps a pod to the workload that owns it, from kube-state-metrics' owner series: a ReplicaSet pod belongs to the
/// ReplicaSet's Deployment, a Job pod to the Job's CronJob; pods without a known controller stand for themselves.
/// </summary>
public sealed class WorkloadOwners
{
    private readonly Dictionary<ObjectKey, Owner> _podOwners = [];
    private readonly Dictionary<ObjectKey, Owner> _replicaSetOwners = [];
    private readonly Dictionary<ObjectKey, Owner> _jobOwners = [];

    public void AddPodOwner(string @namespace, string pod, string kind, string name) =>
        _podOwners[new ObjectKey(@namespace, pod)] = new Owner(kind, name);

    public void AddReplicaSetOwner(string @namespace, string replicaSet, string kind, string name) =>
        _replicaSetOwners[new ObjectKey(@namespace, replicaSet)] = new Owner(kind, name);

    public void AddJobOwner(string @namespace, string job, string kind, string name) =>
        _jobOwners[new ObjectKey(@namespace, job)] = new Owner(kind, name);

    /// <summary>The top-level workload of a pod.</summary>
    public Owner Resolve(string @namespace, string pod)
    {
        if (!_podOwners.TryGetValue(new ObjectKey(@namespace, pod), out var owner) || !owner.IsKnown)
        {
            return new Owner("Pod", pod);
        }

        var parents = owner.Kind switch
        {
            "ReplicaSet" => _replicaSetOwners,
            "Job" => _jobOwners,
            _ => null,
        };
        return parents is not null && parents.TryGetValue(new ObjectKey(@namespace, owner.Name), out var parent) && parent.IsKnown
            ? parent
            : owner;
    }

    /// <summary>A namespaced object: a pod, a ReplicaSet or a Job.</summary>
    private readonly record struct ObjectKey(string Namespace, string Name);

    /// <summary>A controller, by kind and name.</summary>
    public readonly record struct Owner(string Kind, string Name)
    {
        public bool IsKnown => Kind.Length > 0 && Name.Length > 0;
    }
}
