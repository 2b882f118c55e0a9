using RightSizer.Api.Units;

namespace RightSizer.Recommender.Model;

/// <summary>A fitted growth trend: slope per day, whether it is significant, and the value it projects at the horizon.</summary>
public sealed record TrendEstimate(double SlopeBytesPerDay, bool Significant, Memory ProjectedPeak, TimeSpan Horizon);
