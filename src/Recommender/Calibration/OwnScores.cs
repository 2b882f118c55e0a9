namespace RightSizer.Recommender.Calibration;

/// <summary>What a container's own backtest says: its backtest days and its spread of scores.</summary>
/// <param name="Days">Backtest days with a score.</param>
/// <param name="Spread">Root mean square of the positive part of its scores; 0 when it never exceeded its base.</param>
public sealed record OwnScores(double Days, double Spread)
{
    public static OwnScores None { get; } = new(0, 0);

    /// <summary>From the sum of squared positive scores over a number of scores spread over some days.</summary>
    public static OwnScores Of(double days, double squaredPositive, int scores) =>
        scores == 0 ? None : new OwnScores(days, Math.Sqrt(squaredPositive / scores));
}
