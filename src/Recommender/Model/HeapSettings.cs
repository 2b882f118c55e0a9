using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Model;

/// <summary>Heap settings that fit a managed runtime's heap inside the recommended limit.</summary>
/// <param name="Env">Environment variables to set, e.g. <c>DOTNET_GCHeapHardLimitPercent=0x4B</c>.</param>
/// <param name="Notes">Caveats, e.g. that an explicit <c>-Xmx</c> in the args wins.</param>
public sealed record HeapSettings(
    RuntimeKind Runtime,
    Memory MaxHeap,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> Notes);
