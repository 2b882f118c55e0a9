namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Maps a pod to the workload that owns it, from kube-state-metrics' owner series: a ReplicaSet pod belongs to the
/// ReplicaSet's Deployment, a Job pod to the Job's CronJob; pods without a known controller stand for themselves.
/// </summary>
public sealed class WorkloadOwners
{
    private readonly Dictionary<(string Namespace, string Name), (string Kind, string Name)> _podOwners = [];
    private readonly Dictionary<(string Namespace, string Name), (string Kind, string Name)> _replicaSetOwners = [];
    private readonly Dictionary<(string Namespace, string Name), (string Kind, string Name)> _jobOwners = [];

    public void AddPodOwner(string @namespace, string pod, string kind, string name) =>
        _podOwners[(@namespace, pod)] = (kind, name);

    public void AddReplicaSetOwner(string @namespace, string replicaSet, string kind, string name) =>
        _replicaSetOwners[(@namespace, replicaSet)] = (kind, name);

    public void AddJobOwner(string @namespace, string job, string kind, string name) =>
        _jobOwners[(@namespace, job)] = (kind, name);

    /// <summary>The top-level workload of a pod: (kind, name).</summary>
    public (string Kind, string Name) Resolve(string @namespace, string pod)
    {
        if (!_podOwners.TryGetValue((@namespace, pod), out var owner) || owner.Kind.Length == 0 || owner.Name.Length == 0)
        {
            return ("Pod", pod);
        }

        var parents = owner.Kind switch
        {
            "ReplicaSet" => _replicaSetOwners,
            "Job" => _jobOwners,
            _ => null,
        };
        return parents is not null
            && parents.TryGetValue((@namespace, owner.Name), out var parent)
            && parent.Kind.Length > 0
            && parent.Name.Length > 0
                ? parent
                : owner;
    }
}
