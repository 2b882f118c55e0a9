namespace RightSizer.Operator.Cli.Output;

/// <summary>Heap settings for a JVM or .NET container.</summary>
public sealed record HeapRow(string Runtime, long MaxHeapBytes, IReadOnlyDictionary<string, string> Env, IReadOnlyList<string> Notes);
