using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Whether a container has history enough to size: running time, not wall-clock samples. <c>minSamples</c> scrapes
/// of running time (a day at 5-minute scrapes), or <see cref="MinRuns"/> complete runs of an intermittent workload,
/// whichever comes first, so a job that runs two hours a day is sized after three runs instead of never.
/// </summary>
public static class EnoughHistory
{
    /// <summary>Runs of an intermittent workload that are enough to size it: three show what a run needs.</summary>
    public const int MinRuns = 3;

    public static bool Has(int samples, RunningTime running, int minSamples)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (samples == 0)
        {
            return false;
        }

        var scrapesRunning = running.Step > TimeSpan.Zero ? running.Running / running.Step : samples;
        return scrapesRunning >= minSamples || (running.Intermittent && running.Runs >= MinRuns);
    }

    public static string Describe(int samples, RunningTime running, int minSamples)
    {
        ArgumentNullException.ThrowIfNull(running);
        return running.Intermittent
            ? Invariant($"insufficient history: intermittent, {running.Runs} runs < {MinRuns} and {PromDuration.Format(running.Running)} running < minSamples {minSamples} scrapes")
            : Invariant($"insufficient history: {samples} samples < minSamples {minSamples}");
    }
}
