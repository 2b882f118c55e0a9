namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// The replay protocol: first decision <see cref="Train"/> after the first sample, then every <see cref="Step"/>;
/// <see cref="Mode"/> says whether later decisions see usage capped at the limit that was in force.
/// </summary>
public sealed record ReplayOptions(TimeSpan Train, TimeSpan Step, ReplayMode Mode = ReplayMode.Capped);
