namespace RightSizer.Recommender.Benchmark;

/// <summary>The replay protocol: first decision <see cref="Train"/> after the first sample, then every <see cref="Step"/>.</summary>
public sealed record ReplayOptions(TimeSpan Train, TimeSpan Step);
