using System.Globalization;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Turns one batch of query answers into container histories, without I/O: pods are grouped into their workload
/// (<see cref="WorkloadOwners"/>), each workload's container gets the samples of all its pods sorted by time, its OOM
/// kills, heap series, image and today's resources (those of the pod seen last). A sample no container can have
/// (negative, non-finite, beyond <see cref="HistoryLimits.MaxSampleBytes"/>) drops that container's history with a
/// warning, as the file reader rejects the row: the other containers are still sized.
/// </summary>
internal static class ContainerHistoryAssembler
{
    /// <param name="labelledPods">With a label selector, the pods that matched, by namespace; null for all pods.</param>
    /// <param name="warn">Told why a container was skipped.</param>
    public static IEnumerable<ContainerHistory> Assemble(
        IReadOnlyList<PrometheusSeries> usage,
        IReadOnlyList<PrometheusSeries> heap,
        ScanMetadata metadata,
        IReadOnlyDictionary<string, HashSet<string>>? labelledPods,
        Action<string> warn)
    {
        var heapByContainer = HeapByContainer(heap, usage);
        var byWorkload = new SortedDictionary<string, List<(PodKey Pod, PrometheusSeries Series)>>(StringComparer.Ordinal);
        foreach (var series in usage)
        {
            var pod = PodKey.Of(series);
            if (labelledPods is not null && !(labelledPods.TryGetValue(pod.Namespace, out var pods) && pods.Contains(pod.Name)))
            {
                continue;
            }

            var owner = metadata.Owners.Resolve(pod.Namespace, pod.Name);
            var id = SeriesKey.ForContainer(pod.Namespace, owner.Kind, owner.Name, series.Label("container")).Id;
            if (!byWorkload.TryGetValue(id, out var members))
            {
                byWorkload[id] = members = [];
            }

            members.Add((pod, series));
        }

        foreach (var (id, members) in byWorkload)
        {
            var key = SeriesKey.FromId(id);
            if (FirstBadSample(members.Select(m => (m.Pod, (IReadOnlyList<PrometheusPoint>)m.Series.Values))) is { } bad)
            {
                warn($"{id}: skipped: {bad}");
                continue;
            }

            yield return Build(key, members, heapByContainer, metadata, warn);
        }
    }

    /// <summary>
    /// Heap series by container. Applications scraped without a <c>container</c> label report per pod; such a series
    /// belongs to the pod's container when the pod has only one.
    /// </summary>
    private static Dictionary<ContainerKey, IReadOnlyList<PrometheusPoint>> HeapByContainer(
        IReadOnlyList<PrometheusSeries> heap,
        IReadOnlyList<PrometheusSeries> usage)
    {
        var containersOfPod = usage
            .GroupBy(PodKey.Of)
            .ToDictionary(group => group.Key, group => group.Select(series => series.Label("container")).Distinct(StringComparer.Ordinal).ToList());
        var result = new Dictionary<ContainerKey, IReadOnlyList<PrometheusPoint>>();
        foreach (var series in heap)
        {
            var pod = PodKey.Of(series);
            var container = series.Label("container");
            if (container.Length == 0 && containersOfPod.TryGetValue(pod, out var containers) && containers.Count == 1)
            {
                container = containers[0];
            }

            if (container.Length > 0)
            {
                result[new ContainerKey(pod, container)] = series.Values;
            }
        }

        return result;
    }

    private static ContainerHistory Build(
        SeriesKey key,
        List<(PodKey Pod, PrometheusSeries Series)> members,
        Dictionary<ContainerKey, IReadOnlyList<PrometheusPoint>> heap,
        ScanMetadata metadata,
        Action<string> warn)
    {
        var container = key.Container!;
        var samples = ToSamples(members.SelectMany(member => member.Series.Values));
        var kills = members
            .SelectMany(member => metadata.OomKills.GetValueOrDefault(new ContainerKey(member.Pod, container)) ?? [])
            .OrderBy(kill => kill.Timestamp)
            .ToArray();

        // Today's resources are those of the pod seen last: older pods may predate the current template.
        var newest = members.MaxBy(member => member.Series.Values.Count > 0 ? member.Series.Values[^1].Timestamp : double.MinValue).Pod;
        var heapSeries = members.Select(member => (member.Pod, heap.GetValueOrDefault(new ContainerKey(member.Pod, container)) ?? [])).ToList();
        var badHeap = FirstBadSample(heapSeries);
        if (badHeap is not null)
        {
            warn($"{key.Id}: heap series ignored: {badHeap}");
        }

        var image = metadata.Images.GetValueOrDefault(new ContainerKey(newest, container));
        return new ContainerHistory(key, samples)
        {
            OomKills = kills,
            Current = metadata.Resources.Current(newest, container),
            HeapUsage = badHeap is null ? ToSamples(heapSeries.SelectMany(series => series.Item2)) : Array.Empty<Sample>(),
            Runtime = image is null ? null : ContainerRuntimeHints.Empty with { Image = image },
        };
    }

    private static Sample[] ToSamples(IEnumerable<PrometheusPoint> points) =>
        [.. points.Select(point => new Sample((long)point.Timestamp, point.Value)).OrderBy(sample => sample.Timestamp)];

    private static string? FirstBadSample(IEnumerable<(PodKey Pod, IReadOnlyList<PrometheusPoint> Points)> series)
    {
        foreach (var (pod, points) in series)
        {
            foreach (var point in points)
            {
                if (HistoryLimits.SampleProblem(point.Value) is { } problem)
                {
                    var at = DateTimeOffset.FromUnixTimeSeconds((long)point.Timestamp).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    return $"pod {pod.Name} has the sample {point.Value.ToString("R", CultureInfo.InvariantCulture)} at {at}, which {problem}";
                }
            }
        }

        return null;
    }
}
