using System.Text.RegularExpressions;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Export;

/// <summary>
/// The workload and container a series stands for. An id <c>namespace/kind/name/container</c> names them; a bare id
/// (a history file of single-container services, such as the bundled sample) is read as the Deployment of that name
/// in <c>default</c>, with one container of the same name.
/// </summary>
public static partial class SeriesWorkloads
{
    public const string BareNamespace = "default";

    /// <returns>The workload and container, or null with <paramref name="problem"/> saying why it cannot be patched.</returns>
    public static (WorkloadRef Workload, string Container)? Resolve(SeriesKey key, out string problem)
    {
        ArgumentNullException.ThrowIfNull(key);
        problem = string.Empty;
        if (key.WorkloadKind is null || key.WorkloadName is null || key.Namespace is null || key.Container is null)
        {
            if (!DnsLabel().IsMatch(key.Id))
            {
                problem = "the id is neither namespace/kind/name/container nor a workload name";
                return null;
            }

            return (new WorkloadRef(BareNamespace, "Deployment", key.Id), key.Id);
        }

        if (!WorkloadKinds.TryCanonical(key.WorkloadKind, out var kind))
        {
            problem = $"kind {key.WorkloadKind} has no pod template to patch (only {string.Join(", ", WorkloadKinds.All)})";
            return null;
        }

        return (new WorkloadRef(key.Namespace, kind, key.WorkloadName), key.Container);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
