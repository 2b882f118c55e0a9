using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli;

/// <summary>
/// <c>--set name=value</c> overrides of our settings, for sensitivity runs of the benchmark: the MemoryPolicy's
/// recommendation knobs by their API names, plus the engine's headroom scales. Values are held to the API's ranges
/// (<see cref="MemoryPolicyLimits"/>), so a sensitivity run cannot ask the engine for what a policy could not.
/// </summary>
public static class SettingOverrides
{
    public static readonly IReadOnlyList<string> Names =
    [
        "historyWindow", "halfLife", "requestPercentile", "limitStrategy", "limitPercentile", "seasonality",
        "requestMargin", "limitMargin", "growthHorizon", "minSamples", "requestHeadroomScale", "limitHeadroomScale",
        "oomRisk", "overRequestRisk",
    ];

    public static RecommendationSettings Apply(RecommendationSettings settings, IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliInputException($"--set '{assignment}': expected name=value");
            }

            var name = assignment[..equals];
            var value = assignment[(equals + 1)..];
            settings = name switch
            {
                "historyWindow" => settings with { HistoryWindow = Window(assignment, value) },
                "halfLife" => settings with { HalfLife = Positive(assignment, Duration(assignment, value)) },
                "growthHorizon" => settings with { GrowthHorizon = Duration(assignment, value) },
                "requestPercentile" => settings with { RequestPercentile = Percentile(assignment, name, value) },
                "limitPercentile" => settings with { LimitPercentile = Percentile(assignment, name, value) },
                "requestMargin" => settings with { RequestMargin = Margin(assignment, name, value) },
                "limitMargin" => settings with { LimitMargin = Margin(assignment, name, value) },
                "minSamples" => settings with { MinSamples = MinSamples(assignment, value) },
                "requestHeadroomScale" => settings with { RequestHeadroomScale = NotNegative(assignment, name, value) },
                "limitHeadroomScale" => settings with { LimitHeadroomScale = NotNegative(assignment, name, value) },
                "oomRisk" => settings with { OomRisk = Risk(assignment, name, value) },
                "overRequestRisk" => settings with { OverRequestRisk = Risk(assignment, name, value) },
                "limitStrategy" => settings with { LimitStrategy = Named<LimitStrategy>(assignment, value) },
                "seasonality" => settings with { Seasonality = Named<Seasonality>(assignment, value) },
                _ => throw new CliInputException($"--set '{assignment}': unknown setting; known: {string.Join(", ", Names)}"),
            };
        }

        return settings;
    }

    private static double Percentile(string assignment, string name, string value) =>
        Number(assignment, value) is var p && MemoryPolicyLimits.IsPercentile(p)
            ? p
            : throw new CliInputException($"--set '{assignment}': {name} must be in {MemoryPolicyLimits.PercentileRange}");

    private static double Risk(string assignment, string name, string value) =>
        Number(assignment, value) is var r && MemoryPolicyLimits.IsRisk(r)
            ? r
            : throw new CliInputException($"--set '{assignment}': {name} must be in {MemoryPolicyLimits.RiskRange}");

    private static double Margin(string assignment, string name, string value) =>
        Number(assignment, value) is var m && MemoryPolicyLimits.IsMargin(m)
            ? m
            : throw new CliInputException($"--set '{assignment}': {name} must be in {MemoryPolicyLimits.MarginRange}");

    private static double NotNegative(string assignment, string name, string value) =>
        Number(assignment, value) is var n && n >= 0 ? n : throw new CliInputException($"--set '{assignment}': {name} must not be negative");

    private static int MinSamples(string assignment, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= MemoryPolicyLimits.MinSamplesMin
            ? count
            : throw new CliInputException($"--set '{assignment}': minSamples must be an integer >= {MemoryPolicyLimits.MinSamplesMin}");

    private static TimeSpan Window(string assignment, string value) =>
        Duration(assignment, value) is var window && window >= MemoryPolicyLimits.MinHistoryWindowSpan
            ? window
            : throw new CliInputException($"--set '{assignment}': historyWindow must be at least {MemoryPolicyLimits.MinHistoryWindow}");

    private static TimeSpan Positive(string assignment, TimeSpan duration) =>
        duration > TimeSpan.Zero ? duration : throw new CliInputException($"--set '{assignment}': must be positive");

    private static TimeSpan Duration(string assignment, string value) =>
        PromDuration.TryParse(value, out var duration, out var error) ? duration : throw new CliInputException($"--set '{assignment}': {error}");

    private static T Named<T>(string assignment, string value)
        where T : struct, Enum =>
        Enum.GetNames<T>().Contains(value, StringComparer.Ordinal)
            ? Enum.Parse<T>(value)
            : throw new CliInputException($"--set '{assignment}': one of {string.Join(", ", Enum.GetNames<T>())}");

    private static double Number(string assignment, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new CliInputException($"--set '{assignment}': '{value}' is not a number");
}
