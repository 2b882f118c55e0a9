using System.CommandLine;
using System.Globalization;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Cli.Inputs;

/// <summary>
/// The flags that choose and narrow a live recommendation run (a history file or Prometheus, namespace, selector,
/// policy, window, as-of), shared by <c>recommend</c>, <c>export</c> and <c>report</c>, and the run itself.
/// </summary>
public sealed class RecommendationInput
{
    public Option<FileInfo?> History { get; } = new("--history") { Description = "A history file: CSV series,timestamp,working_set_bytes (.csv or .csv.gz)." };

    public PrometheusOptions Prometheus { get; } = new();

    public ScopeOptions Scope { get; } = new();

    public Option<FileInfo?> Policy { get; } = new("--policy") { Description = "A MemoryPolicy YAML whose spec supplies the sizing settings." };

    public Option<string?> Window { get; } = new("--window") { Description = "History window, e.g. 14d (default: the policy's, else 14d)." };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Use only history before this time: unix seconds or RFC 3339 (default: now; for a history file, just after its newest sample)." };

    /// <summary>Not added by <see cref="AddTo"/>: each command places it among its own flags.</summary>
    public Option<bool> Stats { get; } = new("--stats") { Description = "Print HTTP requests and bytes exchanged with Prometheus on stderr." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(History);
        Prometheus.AddTo(command);
        Scope.AddTo(command);
        command.Options.Add(Policy);
        command.Options.Add(Window);
        command.Options.Add(AsOf);
    }

    /// <summary>Whether the flags name a live source (a history file or Prometheus) at all.</summary>
    public bool Given(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(History) is not null || parse.GetValue(Prometheus.Url) is not null;
    }

    /// <param name="keepHistories">Keep every container's history in the result (for evidence and charts).</param>
    /// <exception cref="CliInputException">The flags are inconsistent or malformed.</exception>
    /// <exception cref="HistorySourceException">The source could not be read.</exception>
    public async Task<RecommendationRun> RunAsync(ParseResult parse, TimeProvider time, bool keepHistories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(time);
        var stderr = parse.InvocationConfiguration.Error;
        var historyFile = parse.GetValue(History);
        var prometheusUrl = parse.GetValue(Prometheus.Url);
        if ((historyFile is null) == (prometheusUrl is null))
        {
            throw new CliInputException("give exactly one of --history FILE and --prometheus-url URL");
        }

        var policySettings = PolicySettings.Load(parse.GetValue(Policy)?.FullName, ParseWindow(parse.GetValue(Window)));
        var windowLength = policySettings.Window;
        var transfer = new PrometheusTransferStats();
        using var client = prometheusUrl is null ? null : PrometheusHttpClientFactory.Create(Prometheus.Read(parse), transfer);
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

        var decisionTime = ParseAsOf(parse.GetValue(AsOf))
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

        var query = Scope.Apply(parse, new HistoryQuery(decisionTime, windowLength) { Signal = policySettings.Signal });
        var capturing = keepHistories ? new CapturingHistorySource(source) : null;
        var recommendations = await RecommendationRunner.RunAsync(
            capturing ?? source, query, policySettings.For, new RecommendationEngine(), progress, cancellationToken);
        progress.Complete();
        if (parse.GetValue(Stats) && client is not null)
        {
            await stderr.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"prometheus: {transfer.Requests} requests, {transfer.RequestBytes} bytes sent, {transfer.ResponseBytes} bytes received"));
        }

        return new RecommendationRun(
            decisionTime,
            recommendations,
            policySettings.For,
            capturing?.Captured ?? new Dictionary<string, ContainerHistory>(StringComparer.Ordinal));
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
