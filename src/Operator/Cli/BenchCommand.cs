using System.CommandLine;
using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Cli.Output;
using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Benchmark.Baselines;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli;

/// <summary>
/// <c>rightsizer bench</c>: replays a history file against our policy and the peers' algorithms, or runs the engine
/// over synthetic containers to measure speed.
/// </summary>
public static class BenchCommand
{
    public const string AllStrategies = "rightsizer,rightsizer-guaranteed,rightsizer-fixed,rightsizer-guaranteed-fixed,vpa,krr,static";

    public static Command Create()
    {
        var history = new Option<FileInfo?>("--history") { Description = "History file to replay (CSV series,timestamp,working_set_bytes)." };
        var meta = new Option<FileInfo?>("--meta") { Description = "CSV with each series' provisioned memory, for the static baseline." };
        var metaColumn = new Option<string>("--meta-column") { Description = "The --meta column holding provisioned bytes.", DefaultValueFactory = _ => "mem_provisioned_max_bytes" };
        var train = new Option<string>("--train") { Description = "History before the first decision.", DefaultValueFactory = _ => "7d" };
        var step = new Option<string>("--step") { Description = "Time between decisions; each is judged on the step after it.", DefaultValueFactory = _ => "24h" };
        var strategies = new Option<string>("--strategies") { Description = "Comma-separated: rightsizer, rightsizer-guaranteed (headroom calibrated on the fleet), rightsizer-fixed, rightsizer-guaranteed-fixed (fixed headroom scales), vpa, krr, static.", DefaultValueFactory = _ => AllStrategies };
        var set = new Option<string[]>("--set") { Description = $"Override one of our settings for the rightsizer strategies, e.g. requestPercentile=95 (known: {string.Join(", ", SettingOverrides.Names)})." };
        var synthetic = new Option<string?>("--synthetic") { Description = "Scale test instead of a replay: CONTAINERSxDAYS, e.g. 10000x14d." };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic generator.", DefaultValueFactory = _ => 1 };
        var mode = new Option<string>("--replay-mode") { Description = "capped (usage above a strategy's limit is seen capped at it afterwards, as in a cluster), uncapped, or both.", DefaultValueFactory = _ => "both" };
        mode.AcceptOnlyFromAmong("capped", "uncapped", "both");
        var frontier = new Option<string?>("--frontier") { Description = "Sweep oomRisk over these comma-separated values for rightsizer and rightsizer-guaranteed and print the frontier against the peers (capped replay), e.g. 0.0025,0.005,0.01,0.02." };
        var plot = new Option<FileInfo?>("--plot") { Description = "With --frontier: also write the frontier as an SVG image to this file." };
        var output = new Option<string>("--output", "-o") { Description = "table, json or markdown.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "markdown");

        var command = new Command("bench", "Replay real history against VPA, KRR and static sizing, or measure the engine on synthetic containers.\nExit codes: 0 ok, 1 input error.");
        foreach (var option in new Option[] { history, meta, metaColumn, train, step, mode, strategies, set, synthetic, seed, frontier, plot, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            try
            {
                var settings = SettingOverrides.Apply(RecommendationSettings.Default, parse.GetValue(set) ?? []);
                if (parse.GetValue(synthetic) is { } shape)
                {
                    var (containers, days) = ParseShape(shape);
                    var result = SyntheticRun.Run(containers, days, parse.GetValue(seed), new RecommendationEngine(), settings);
                    await stdout.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"synthetic: {result.Containers} containers x {days}d, {result.Samples:N0} samples, {result.Recommended} recommended in {result.Elapsed.TotalSeconds:0.00}s ({result.SamplesPerSecond / 1e6:0.0} M samples/s, {Environment.ProcessorCount} cores)"));
                    return ExitCodes.Ok;
                }

                if (parse.GetValue(history) is not { } file)
                {
                    throw new CliInputException("give --history FILE to replay, or --synthetic NxDd for a scale test");
                }

                if (parse.GetValue(frontier) is { } risks)
                {
                    var replayed = await ReadAll(new HistoryFileSource(file.FullName), cancellationToken);
                    var frontierOptions = new ReplayOptions(Duration("--train", parse.GetValue(train)!), Duration("--step", parse.GetValue(step)!));
                    await FrontierReport.WriteAsync(replayed, settings, Risks(risks), frontierOptions, file.Name, parse.GetValue(plot), stdout);
                    return ExitCodes.Ok;
                }

                var chosen = BuildStrategies(parse.GetValue(strategies)!, settings, parse.GetValue(meta), parse.GetValue(metaColumn)!);
                var series = await ReadAll(new HistoryFileSource(file.FullName), cancellationToken);
                var options = new ReplayOptions(Duration("--train", parse.GetValue(train)!), Duration("--step", parse.GetValue(step)!));
                var results = Modes(parse.GetValue(mode)!)
                    .SelectMany(m => ReplayRunner.Run(series, chosen, options with { Mode = m }))
                    .ToList();
                if (results.All(r => r.Pairs == 0))
                {
                    throw new CliInputException(NothingScored(series, options));
                }

                ReplayReport.Write(results, parse.GetValue(output)!, stdout);
                return ExitCodes.Ok;
            }
            catch (CliInputException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.InputError;
            }
            catch (HistorySourceException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.InputError;
            }
        });
        return command;
    }

    private static List<ISizingStrategy> BuildStrategies(string names, RecommendationSettings settings, FileInfo? meta, string metaColumn)
    {
        var engine = new RecommendationEngine();
        var list = new List<ISizingStrategy>();
        foreach (var name in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(name switch
            {
                "rightsizer" => new RightSizerStrategy(name, engine, settings, calibrate: true),
                "rightsizer-guaranteed" => new RightSizerStrategy(name, engine, settings with { QosClass = QosPolicy.Guaranteed }, calibrate: true),
                "rightsizer-fixed" => new RightSizerStrategy(name, engine, settings),
                "rightsizer-guaranteed-fixed" => new RightSizerStrategy(name, engine, settings with { QosClass = QosPolicy.Guaranteed }),
                "vpa" => new VpaStrategy(),
                "krr" => new KrrSimpleStrategy(),
                "static" => new StaticStrategy(meta is null
                    ? throw new CliInputException("strategy static needs --meta FILE with each series' provisioned memory")
                    : ProvisionedMemory.Read(meta.FullName, metaColumn)),
                _ => throw new CliInputException($"--strategies: unknown strategy '{name}'; known: {AllStrategies}"),
            });
        }

        return list.Count > 0 ? list : throw new CliInputException("--strategies: name at least one strategy");
    }

    private static async Task<List<ContainerHistory>> ReadAll(HistoryFileSource source, CancellationToken cancellationToken)
    {
        var end = source.End ?? DateTimeOffset.UnixEpoch;
        var list = new List<ContainerHistory>();
        await foreach (var history in source.ReadAsync(new HistoryQuery(end, end - DateTimeOffset.UnixEpoch), cancellationToken))
        {
            list.Add(history);
        }

        return list;
    }

    private static double[] Risks(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r =>
            double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var risk) && MemoryPolicyLimits.IsRisk(risk)
                ? risk
                : throw new CliInputException($"--frontier '{r}': each risk must be in {MemoryPolicyLimits.RiskRange}"))];

    private static ReplayMode[] Modes(string name) => name switch
    {
        "capped" => [ReplayMode.Capped],
        "uncapped" => [ReplayMode.Uncapped],
        _ => [ReplayMode.Capped, ReplayMode.Uncapped],
    };
    // Scores of nothing would print as zeros, which read as perfect: say why nothing was scored instead.
    private static string NothingScored(List<ContainerHistory> series, ReplayOptions options)
    {
        var withSamples = series.Where(s => s.Usage.Length > 0).ToList();
        if (withSamples.Count == 0)
        {
            return "--history: no samples to replay";
        }

        var span = TimeSpan.FromSeconds(withSamples.Max(s => s.Usage.Span[^1].Timestamp) - withSamples.Min(s => s.Usage.Span[0].Timestamp));
        return options.Train >= span
            ? $"--train {PromDuration.Format(options.Train)}: the history spans only {PromDuration.Format(span)}, so no decision is left to score; give a shorter --train"
            : $"--train {PromDuration.Format(options.Train)}: no decision had a proposal from every strategy (too few samples before each?); give a longer --train";
    }

    private static (int Containers, int Days) ParseShape(string shape)
    {
        var parts = shape.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var containers) && containers > 0
            && PromDuration.TryParse(parts[1], out var days) && days >= TimeSpan.FromDays(1) && days.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return (containers, (int)days.TotalDays);
        }

        throw new CliInputException($"--synthetic '{shape}': expected CONTAINERSxDAYS such as 10000x14d");
    }

    private static TimeSpan Duration(string flag, string text) =>
        PromDuration.TryParse(text, out var duration, out var error) && duration > TimeSpan.Zero
            ? duration
            : throw new CliInputException($"{flag} '{text}': {(error.Length > 0 ? error : "must be positive")}");
}
