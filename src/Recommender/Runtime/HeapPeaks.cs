using RightSizer.Api.Units;

namespace RightSizer.Recommender.Runtime;

/// <summary>The measured heap peak (with its margin) and the non-heap peak beside it, in bytes.</summary>
public sealed record HeapPeaks(double Heap, double NonHeap)
{
    /// <summary>The memory that holds both, in whole MiB.</summary>
    public Memory Needed => Memory.FromBytes(Heap + NonHeap).RoundUpToMiB();
}
