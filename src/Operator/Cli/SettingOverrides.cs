using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli;

/// <summary>
/// <c>--set name=value</c> overrides of our settings, for sensitivity runs of the benchmark: the MemoryPolicy's
/// recommendation knobs by their API names, plus the engine's headroom scales.
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
                "historyWindow" => settings with { HistoryWindow = Duration(assignment, value) },
                "halfLife" => settings with { HalfLife = Duration(assignment, value) },
                "growthHorizon" => settings with { GrowthHorizon = Duration(assignment, value) },
                "requestPercentile" => settings with { RequestPercentile = Number(assignment, value) },
                "limitPercentile" => settings with { LimitPercentile = Number(assignment, value) },
                "requestMargin" => settings with { RequestMargin = Number(assignment, value) },
                "limitMargin" => settings with { LimitMargin = Number(assignment, value) },
                "minSamples" => settings with { MinSamples = (int)Number(assignment, value) },
                "requestHeadroomScale" => settings with { RequestHeadroomScale = Number(assignment, value) },
                "limitHeadroomScale" => settings with { LimitHeadroomScale = Number(assignment, value) },
                "oomRisk" => settings with { OomRisk = Number(assignment, value) },
                "overRequestRisk" => settings with { OverRequestRisk = Number(assignment, value) },
                "limitStrategy" => settings with { LimitStrategy = Named<LimitStrategy>(assignment, value) },
                "seasonality" => settings with { Seasonality = Named<Seasonality>(assignment, value) },
                _ => throw new CliInputException($"--set '{assignment}': unknown setting; known: {string.Join(", ", Names)}"),
            };
        }

        return settings;
    }

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
