namespace RightSizer.Recommender.Estimation;

/// <summary>
/// An estimate in bytes, with <see cref="Text"/> saying how it was reached (<c>p90 400Mi (+10%) + headroom 40Mi</c>)
/// and <see cref="Notes"/> for whatever raised it on the way (trend, OOM kills). <see cref="Basis"/> is the base
/// estimator's value before any decorator, which the headroom is sized from.
/// </summary>
public sealed record MemoryEstimate(double Bytes, double Basis, string Text, IReadOnlyList<Model.Reason> Notes)
{
    /// <summary>The calibrated headroom this estimate got, when a fleet calibration sized it.</summary>
    public Calibration.AppliedCalibration? Calibration { get; init; }

    public static MemoryEstimate Of(double bytes, string text) => new(bytes, bytes, text, []);

    /// <summary>The same estimate with a new value and more text.</summary>
    public MemoryEstimate Adjusted(double bytes, string moreText) => this with { Bytes = bytes, Text = Text + moreText };

    /// <summary>The estimate, possibly raised, with a note on why.</summary>
    public MemoryEstimate Noted(double bytes, Model.Reason note) => this with { Bytes = bytes, Notes = [.. Notes, note] };
}
