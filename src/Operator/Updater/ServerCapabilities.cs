namespace RightSizer.Operator.Updater;

/// <summary>What the API server's version allows for in-place resize (KEP-1287).</summary>
public sealed record ServerCapabilities(int Major, int Minor)
{
    /// <summary>pods/resize is on by default from 1.33 (beta) and GA in 1.35.</summary>
    public bool InPlaceResize => Major > 1 || Minor >= 33;

    /// <summary>1.33 rejects a memory-limit decrease unless the resizePolicy is RestartContainer; 1.34 allows it.</summary>
    public bool LimitDecreaseWithoutRestart => Major > 1 || Minor >= 34;
}
