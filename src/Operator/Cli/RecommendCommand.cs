using System.CommandLine;
using System.Globalization;
using RightSizer.Operator.Cli.Output;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Prometheus;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer recommend</c>: one-shot recommendations from Prometheus or a history file.</summary>
public static class RecommendCommand
{
    public static Command Create(TimeProvider time)
    {
        var history = new Option<FileInfo?>("--history") { Description = "A history file: CSV series,timestamp,working_set_bytes (.csv or .csv.gz)." };
        var prometheus = new PrometheusOptions();
        var scope = new ScopeOptions();
        var policy = new Option<FileInfo?>("--policy") { Description = "A MemoryPolicy YAML whose spec supplies the sizing settings." };
        var window = new Option<string?>("--window") { Description = "History window, e.g. 14d (default: the policy's, else 14d)." };
        var asOf = new Option<string?>("--as-of") { Description = "Use only history before this time: unix seconds or RFC 3339 (default: now; for a history file, just after its newest sample)." };
        var output = new Option<string>("--output", "-o") { Description = "table, json, yaml or csv.", DefaultValueFactory = _ => "table" };
        var stats = new Option<bool>("--stats") { Description = "Print HTTP requests and bytes exchanged with Prometheus on stderr." };
        output.AcceptOnlyFromAmong("table", "json", "yaml", "csv");

        var command = new Command(
            "recommend",
            "Recommend memory requests and limits from usage history.\n" +
            "Exit codes: 0 ok, 1 input error (flags, files, policy), 2 data source unreachable.");
        command.Options.Add(history);
        prometheus.AddTo(command);
        scope.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(window);
        command.Options.Add(asOf);
        command.Options.Add(output);
        command.Options.Add(stats);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var historyFile = parse.GetValue(history);
                var prometheusUrl = parse.GetValue(prometheus.Url);
                if ((historyFile is null) == (prometheusUrl is null))
                {
                    throw new CliInputException("give exactly one of --history FILE and --prometheus-url URL");
                }

                var policySettings = PolicySettings.Load(parse.GetValue(policy)?.FullName, ParseWindow(parse.GetValue(window)));
                var windowLength = policySettings.Window;
                var transfer = new PrometheusTransferStats();
                using var client = prometheusUrl is null ? null : PrometheusHttpClientFactory.Create(prometheus.Read(parse), transfer);
                IHistorySource source = historyFile is not null
                    ? new HistoryFileSource(historyFile.FullName)
                    : new PrometheusHistorySource(client!, warn: message => stderr.WriteLine("warning: " + message));

                using var progress = new ProgressLine(stderr, time, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
                if (historyFile is not null)
                {
                    progress.Phase($"reading {historyFile.Name} ({Memory.FromBytes(historyFile.Exists ? historyFile.Length : 0).ToHuman()})");
                }
                else
                {
                    progress.Phase("querying Prometheus", () => string.Create(
                        CultureInfo.InvariantCulture, $"{transfer.Requests} requests, {Memory.FromBytes(transfer.ResponseBytes).ToHuman()} received"));
                }

                var decisionTime = ParseAsOf(parse.GetValue(asOf))
                    ?? (source is HistoryFileSource file ? file.End : null)
                    ?? time.GetUtcNow();
                if (historyFile is not null)
                {
                    progress.Phase("recommending");
                }

                if (decisionTime - DateTimeOffset.UnixEpoch < windowLength)
                {
                    throw new CliInputException($"--window {PromDuration.Format(windowLength)}: reaches back before 1970 from {decisionTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
                }

                var query = scope.Apply(parse, new HistoryQuery(decisionTime, windowLength) { Signal = policySettings.Signal });

                var recommendations = await RecommendationRunner.RunAsync(
                    source, query, policySettings.For, new RecommendationEngine(), progress, cancellationToken);
                progress.Complete();
                if (parse.GetValue(stats) && client is not null)
                {
                    await stderr.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"prometheus: {transfer.Requests} requests, {transfer.RequestBytes} bytes sent, {transfer.ResponseBytes} bytes received"));
                }

                var report = RecommendationReport.From(time.GetUtcNow(), decisionTime, recommendations);
                switch (parse.GetValue(output))
                {
                    case "json": ReportJson.Write(report, stdout); break;
                    case "yaml": ReportYaml.Write(report, stdout); break;
                    case "csv": ReportCsv.Write(report, stdout); break;
                    default: ReportTable.Write(report, stdout); break;
                }

                return ExitCodes.Ok;
            }
            catch (CliInputException e)
            {
                foreach (var line in e.Message.Split(Environment.NewLine))
                {
                    await stderr.WriteLineAsync("error: " + line);
                }

                return ExitCodes.InputError;
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message);
                return ExitCodes.InputError;
            }
            catch (HistorySourceException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message);
                return e.Unreachable ? ExitCodes.SourceUnreachable : ExitCodes.InputError;
            }
        });
        return command;
    }

    private static TimeSpan? ParseWindow(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!PromDuration.TryParse(text, out var duration, out var error))
        {
            throw new CliInputException($"--window '{text}': {error}");
        }

        if (duration < MemoryPolicyLimits.MinHistoryWindowSpan)
        {
            throw new CliInputException($"--window '{text}': must be at least {MemoryPolicyLimits.MinHistoryWindow}");
        }

        return duration;
    }

    /// <summary>9999-12-31T23:59:59Z, the last second a <see cref="DateTimeOffset"/> holds.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Unix seconds or RFC 3339.</summary>
    public static DateTimeOffset? ParseAsOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new CliInputException($"--as-of '{text}': later than the year 9999{(seconds / 1000 <= MaxUnixSeconds ? " (looks like milliseconds; give seconds)" : string.Empty)}");
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new CliInputException($"--as-of '{text}': expected unix seconds (1376524800) or RFC 3339 (2013-08-15T00:00:00Z)");
    }
}
