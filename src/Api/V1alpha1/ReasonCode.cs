using System.Text.Json.Serialization;

namespace RightSizer.Api.V1alpha1;

/// <summary>
/// Why a recommendation is what it is, as a code that components switch on; the text that goes with it is for people
/// and may be reworded. The codes that also explain a status condition are the same names in
/// <see cref="ConditionReasons"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReasonCode>))]
public enum ReasonCode
{
    /// <summary>The container's mode is Off: reported, not sized.</summary>
    ContainerModeOff,

    /// <summary>Fewer samples than minSamples: no values.</summary>
    InsufficientHistory,

    /// <summary>How the request was estimated.</summary>
    RequestEstimate,

    /// <summary>How the limit was estimated.</summary>
    LimitEstimate,

    /// <summary>Guaranteed needs a limit, so one was sized although limitStrategy is None.</summary>
    LimitForGuaranteed,

    /// <summary>Usage below the floor was sized as the floor.</summary>
    MemoryFloor,

    /// <summary>A growth trend, and whether the limit was raised to cover its projection.</summary>
    Trend,

    /// <summary>A young container grows in its hourly peaks: request and limit raised by the growth over the look-ahead.</summary>
    YoungGrowth,

    /// <summary>A young container's rise is a one-off step, not growth: sized to the new level.</summary>
    LevelShift,

    /// <summary>The history is intermittent (runs with gaps between them); gaps are absence, not zero usage.</summary>
    IntermittentHistory,

    /// <summary>OOM kills in the window widened or raised the limit.</summary>
    OomBump,

    /// <summary>OOM kills in the window, but the policy sets no limit to raise.</summary>
    OomWithoutLimit,

    /// <summary>The request was set equal to the limit for the Guaranteed class.</summary>
    GuaranteedShape,

    /// <summary>controlledValues RequestsOnly: the container's limit is kept.</summary>
    LimitKept,

    /// <summary>controlledValues RequestsOnly: the request was capped at the kept limit.</summary>
    RequestCappedAtLimit,

    /// <summary>Request or limit raised to hold the measured heap and non-heap peaks.</summary>
    HeapRaised,

    /// <summary>The heap settings that fit inside the recommended memory.</summary>
    HeapSettings,

    /// <summary>A value was raised to minAllowed.</summary>
    MinAllowed,

    /// <summary>A value was lowered to maxAllowed.</summary>
    MaxAllowed,

    /// <summary>Memory is in the Guaranteed shape but CPU keeps the pod Burstable.</summary>
    CpuKeepsBurstable,

    /// <summary>Memory is in the Guaranteed shape; whether CPU is too is unknown.</summary>
    CpuUnknown,
}
