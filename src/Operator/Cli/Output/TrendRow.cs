namespace RightSizer.Operator.Cli.Output;

/// <summary>The growth trend: slope per day, whether it is significant, and the peak it projects at the horizon.</summary>
public sealed record TrendRow(long SlopeBytesPerDay, bool Significant, long ProjectedPeakBytes, string Horizon);
