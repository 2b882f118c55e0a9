namespace RightSizer.Testing.KubeApi;

/// <summary>One pods/eviction request answered: which pod, and the HTTP status (201 evicted, 429 refused by a budget, 404 gone).</summary>
public sealed record EvictionRecord(string Namespace, string Pod, int Code);
