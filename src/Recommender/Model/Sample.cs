namespace RightSizer.Recommender.Model;

/// <summary>One observation: unix time in seconds and a value in bytes.</summary>
public readonly record struct Sample(long Timestamp, double Value);
