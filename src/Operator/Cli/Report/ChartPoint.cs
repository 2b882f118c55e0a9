namespace RightSizer.Operator.Cli.Report;

/// <summary>One pixel column of a chart: its time (unix seconds, the bucket's start) and the lowest and highest usage in it.</summary>
public readonly record struct ChartPoint(long Timestamp, double Min, double Max);
