using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Reconcilers;

/// <summary>The histories one scan read, for the containers of every policy's target, keyed by signal and series id.</summary>
public sealed record HistorySnapshot(DateTimeOffset AsOf, TimeSpan Window, IReadOnlyDictionary<string, ContainerHistory> Histories)
{
    public static string Key(MemorySignal signal, string @namespace, WorkloadRef workload, string container) =>
        $"{signal}|{SeriesKey.ForContainer(@namespace, workload.Kind, workload.Name, container).Id}";

    /// <summary>The workloads the scan asked for, by signal, namespace, kind and name (null when not recorded).</summary>
    public IReadOnlySet<(MemorySignal Signal, string Namespace, string Kind, string Name)>? Workloads { get; init; }

    /// <summary>Whether the scan asked for this workload's history; false means it began after the scan and needs one.</summary>
    public bool Covers(MemorySignal signal, string @namespace, WorkloadRef workload) =>
        Workloads is null || Workloads.Contains((signal, @namespace, workload.Kind, workload.Name));

    public ContainerHistory? Find(MemorySignal signal, string @namespace, WorkloadRef workload, string container) =>
        Histories.GetValueOrDefault(Key(signal, @namespace, workload, container));
}
