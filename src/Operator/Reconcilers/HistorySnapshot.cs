using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Reconcilers;

/// <summary>The histories one scan read, for the containers of every policy's target, keyed by signal and series id.</summary>
public sealed record HistorySnapshot(DateTimeOffset AsOf, TimeSpan Window, IReadOnlyDictionary<string, ContainerHistory> Histories)
{
    public static string Key(MemorySignal signal, string @namespace, WorkloadRef workload, string container) =>
        $"{signal}|{SeriesKey.ForContainer(@namespace, workload.Kind, workload.Name, container).Id}";

    public ContainerHistory? Find(MemorySignal signal, string @namespace, WorkloadRef workload, string container) =>
        Histories.GetValueOrDefault(Key(signal, @namespace, workload, container));
}
