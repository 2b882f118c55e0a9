using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Builds the engine's input for one container of a policy's target: the usage history of every workload the target
/// spans, with today's resources and runtime hints from the newest pod's spec, and the OOM kills that Prometheus saw
/// joined with those the pods' statuses still show (kube-state-metrics may have missed a short-lived one).
/// </summary>
public static class ContainerHistoryAssembler
{
    /// <summary>Two reports of a kill closer than this are the same kill (one scrape step).</summary>
    private static readonly long SameKillSeconds = (long)TimeSpan.FromMinutes(5).TotalSeconds;

    public static ContainerHistory Assemble(
        string container,
        MemorySignal signal,
        string @namespace,
        ResolvedTarget target,
        HistorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(snapshot);
        var found = target.Workloads
            .Select(w => snapshot.Find(signal, @namespace, w.Ref, container))
            .OfType<ContainerHistory>()
            .ToList();
        var key = target.Workloads.Count == 1
            ? SeriesKey.ForContainer(@namespace, target.Workloads[0].Ref.Kind, target.Workloads[0].Ref.Name, container)
            : new SeriesKey(container, @namespace, Container: container);
        var usage = found.Count == 1 ? found[0].Usage : found.SelectMany(h => h.Usage.ToArray()).OrderBy(s => s.Timestamp).ToArray();
        var heap = found.Count == 1 ? found[0].HeapUsage : found.SelectMany(h => h.HeapUsage.ToArray()).OrderBy(s => s.Timestamp).ToArray();

        var newest = target.Pods
            .Where(p => p.Spec?.Containers?.Any(c => c.Name == container) == true)
            .MaxBy(p => p.Metadata.CreationTimestamp ?? DateTime.MinValue);
        var spec = newest?.Spec.Containers.First(c => c.Name == container);
        var kills = found.SelectMany(h => h.OomKills).Concat(PodKills(target.Pods, container)).OrderBy(k => k.Timestamp).ToList();

        return new ContainerHistory(key, usage)
        {
            OomKills = Deduplicate(kills),
            HeapUsage = heap,
            Current = spec is null ? found.FirstOrDefault()?.Current : new CurrentResources(
                PodResources.MemoryRequest(spec),
                PodResources.MemoryLimit(spec),
                PodResources.CpuMillis(spec.Resources?.Requests),
                PodResources.CpuMillis(spec.Resources?.Limits),
                Enum.TryParse<QosClass>(newest!.Status?.QosClass, out var qos) ? qos : null,
                PodResources.CpuGuaranteed(newest)),
            Runtime = spec is null ? found.FirstOrDefault()?.Runtime : new ContainerRuntimeHints(
                spec.Image,
                [.. spec.Command ?? []],
                [.. spec.Args ?? []],
                (spec.Env ?? []).Where(e => e.Value is not null).GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)),
        };
    }

    /// <summary>Containers whose last termination was an OOM kill, with the limit they had.</summary>
    public static IEnumerable<OomKill> PodKills(IEnumerable<V1Pod> pods, string container)
    {
        foreach (var pod in pods)
        {
            var spec = pod.Spec?.Containers?.FirstOrDefault(c => c.Name == container);
            var status = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container);
            if (spec is not null && status?.LastState?.Terminated is { Reason: "OOMKilled", FinishedAt: { } finished })
            {
                yield return new OomKill(new DateTimeOffset(DateTime.SpecifyKind(finished, DateTimeKind.Utc)).ToUnixTimeSeconds(), PodResources.MemoryLimit(spec));
            }
        }
    }

    private static List<OomKill> Deduplicate(List<OomKill> sorted)
    {
        var result = new List<OomKill>();
        foreach (var kill in sorted)
        {
            if (result.Count > 0 && kill.Timestamp - result[^1].Timestamp < SameKillSeconds)
            {
                result[^1] = result[^1] with { LimitAtKill = result[^1].LimitAtKill ?? kill.LimitAtKill };
                continue;
            }

            result.Add(kill);
        }

        return result;
    }
}
