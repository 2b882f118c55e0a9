namespace RightSizer.Operator.Runtime;

/// <summary>
/// Gives the memory of a batch's transients back to the operating system once the batch is over. The history scan
/// reads megabytes of Prometheus answers once per interval, several of them large enough for the large object heap;
/// afterwards the heap holds little more than the caches and the history snapshot, but the GC keeps the regions it
/// grew into until allocation pressure brings on a full collection, so the process would stay at the scan's peak for
/// the whole interval. An aggressive collection compacts every generation, the large object heap included, and
/// decommits the regions left free; the C library's free pages follow (<see cref="NativeHeap"/>). The recommendation
/// cycle calls it after the scan and again once the reconciles the scan set off have drained, since those write a
/// status for every policy and leave the replaced objects in the oldest generation: two blocking full collections per
/// interval (see docs/benchmarks.md).
/// </summary>
public static class HeapRelease
{
    public static void AfterBatch()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _ = NativeHeap.Trim();
    }
}
