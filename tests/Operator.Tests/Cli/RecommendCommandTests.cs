using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RightSizer.Operator.Tests.Cli;

public sealed class RecommendCommandTests
{
    private const long End = 1_700_000_000;
    private string _dir = string.Empty;
    private string _history = string.Empty;

    [SetUp]
    public void WriteHistory()
    {
        _dir = Directory.CreateTempSubdirectory("rightsizer-recommend-").FullName;
        _history = Path.Combine(_dir, "history.csv");
        var csv = new StringBuilder("series,timestamp,working_set_bytes\n");
        // Two weeks at 5 minutes: a flat 400 Mi container, a slowly leaking one, and one with a single sample.
        for (var t = End - (14 * 86_400); t < End; t += 300)
        {
            var days = (t - (End - (14 * 86_400))) / 86_400.0;
            csv.Append(CultureInfo.InvariantCulture, $"shop/Deployment/web/app,{t},{400 * 1048576}\n");
            csv.Append(CultureInfo.InvariantCulture, $"shop/StatefulSet/db-with-a-really-long-name-that-will-not-fit/postgres,{t},{(300 + (40 * days)) * 1048576}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"bank/Deployment/new/app,{End - 60},{100 * 1048576}\n");
        File.WriteAllText(_history, csv.ToString());
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Recommend_Json_FollowsTheContract()
    {
        var (exit, output, _) = await CliRun.RunAsync("recommend", "--history", _history, "-o", "json");

        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var rows = root.GetProperty("recommendations").EnumerateArray().ToList();
        var web = rows.Single(r => r.GetProperty("series").GetString() == "shop/Deployment/web/app");
        var fresh = rows.Single(r => r.GetProperty("series").GetString() == "bank/Deployment/new/app");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("generatedAt").GetDateTimeOffset(), Is.EqualTo(CliRun.Now));
            Assert.That(root.GetProperty("asOf").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(End - 60 + 1)));
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(web.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
            {
                "series", "namespace", "workloadKind", "workloadName", "container", "requestBytes", "limitBytes", "request",
                "limit", "qosClass", "confidence", "samples", "trend", "heap", "oomKills", "reasons", "reasonCodes",
                "currentRequestBytes", "currentLimitBytes", "currentRequest", "currentLimit", "currentQosClass",
                "requestChangeBytes", "limitChangeBytes",
            }));
            Assert.That(web.GetProperty("reasonCodes")[0].GetString(), Is.EqualTo("RequestEstimate"));
            Assert.That(web.GetProperty("currentRequestBytes").ValueKind, Is.EqualTo(JsonValueKind.Null), "a history file knows no current values");
            Assert.That(root.GetProperty("summary").GetProperty("sized").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("summary").GetProperty("containers").GetInt32(), Is.EqualTo(3));
            Assert.That(web.GetProperty("namespace").GetString(), Is.EqualTo("shop"));
            Assert.That(web.GetProperty("workloadKind").GetString(), Is.EqualTo("Deployment"));
            Assert.That(web.GetProperty("container").GetString(), Is.EqualTo("app"));
            Assert.That(web.GetProperty("requestBytes").GetInt64(), Is.EqualTo(440L * 1048576));
            Assert.That(web.GetProperty("request").GetString(), Is.EqualTo("440Mi"));
            Assert.That(web.GetProperty("qosClass").GetString(), Is.EqualTo("Burstable"));
            Assert.That(web.GetProperty("trend").GetProperty("significant").GetBoolean(), Is.False);
            Assert.That(web.GetProperty("heap").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(fresh.GetProperty("requestBytes").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(fresh.GetProperty("limitBytes").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(fresh.GetProperty("reasons")[0].GetString(), Does.StartWith("insufficient history: 1 samples"));
            Assert.That(fresh.GetProperty("reasonCodes")[0].GetString(), Is.EqualTo("InsufficientHistory"));
        });
    }

    [Test]
    public async Task Recommend_Table_FitsHundredColumns()
    {
        var (exit, output, _) = await CliRun.RunAsync("recommend", "--history", _history);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(lines[0], Does.StartWith("SERIES"));
            Assert.That(lines, Has.All.Length.LessThanOrEqualTo(100));
            Assert.That(lines, Has.Some.Contains("…"), "the long series id is shortened");
            Assert.That(lines, Has.Some.Contains("grows +"), "the leak is flagged");
            Assert.That(lines.Single(l => l.StartsWith("bank/", StringComparison.Ordinal)), Does.EndWith("few samples"));
            Assert.That(lines[^2], Is.EqualTo("2 of 3 containers sized; 1.3Gi requested in all (today's requests unknown)."));
        });
    }

    [TestCase("csv", "series,namespace,workloadKind")]
    [TestCase("yaml", "generatedAt:")]
    public async Task Recommend_OtherFormats_Written(string format, string start)
    {
        var (exit, output, _) = await CliRun.RunAsync("recommend", "--history", _history, "-o", format);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.StartWith(start));
            Assert.That(output, Does.Contain("shop/Deployment/web/app"));
        });
    }

    [Test]
    public async Task Recommend_AsOfBeforeHistory_NothingSized()
    {
        var (exit, output, _) = await CliRun.RunAsync("recommend", "--history", _history, "--as-of", "2000-01-01T00:00:00Z", "-o", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(json.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("samples").GetInt32()), Has.All.Zero);
        });
    }

    [Test]
    public async Task Recommend_PolicyGuaranteed_RequestEqualsLimit()
    {
        var policy = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(policy, "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: p}\nspec:\n  selector: {matchLabels: {a: b}}\n  qosClass: Guaranteed\n");

        var (exit, output, _) = await CliRun.RunAsync("recommend", "--history", _history, "--policy", policy, "-o", "json");

        using var json = JsonDocument.Parse(output);
        var web = json.RootElement.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("series").GetString() == "shop/Deployment/web/app");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(web.GetProperty("requestBytes").GetInt64(), Is.EqualTo(web.GetProperty("limitBytes").GetInt64()));
            Assert.That(web.GetProperty("qosClass").GetString(), Is.EqualTo("Guaranteed"));
        });
    }

    [Test]
    public async Task Recommend_Window30dFlag_WidensEngineWindowAndConfidence()
    {
        var policy = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(policy, "apiVersion: rightsizer.io/v1alpha1\nkind: MemoryPolicy\nmetadata: {name: p}\nspec:\n  selector: {matchLabels: {a: b}}\n  recommendation: {historyWindow: 7d}\n");

        var policyOnly = Web(await CliRun.RunAsync("recommend", "--history", _history, "--policy", policy, "-o", "json"));
        var flagOverPolicy = Web(await CliRun.RunAsync("recommend", "--history", _history, "--policy", policy, "--window", "30d", "-o", "json"));

        Assert.Multiple(() =>
        {
            // The policy's 7 days hold 2016 five-minute samples; the flag's 30 days take all 14 days of the file, and
            // the confidence counts 14 of 30 days.
            Assert.That(policyOnly.GetProperty("samples").GetInt32(), Is.EqualTo(2016));
            Assert.That(policyOnly.GetProperty("confidence").GetDouble(), Is.EqualTo(1));
            Assert.That(flagOverPolicy.GetProperty("samples").GetInt32(), Is.EqualTo(4032));
            Assert.That(flagOverPolicy.GetProperty("windowCovered").GetString(), Is.EqualTo("13d23h59m1s"), "from the first sample to the decision time");
            Assert.That(flagOverPolicy.GetProperty("confidence").GetDouble(), Is.EqualTo(0.47).Within(0.005));
        });
    }

    private static JsonElement Web((int ExitCode, string Output, string Error) run)
    {
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("recommendations").EnumerateArray()
            .Single(r => r.GetProperty("series").GetString() == "shop/Deployment/web/app").Clone();
    }

    private static readonly TestCaseData[] InputErrors =
    [
        new TestCaseData(new[] { "recommend" }, "error: give exactly one of --history FILE and --prometheus-url URL").SetName("Recommend_NoSource_ExitOne"),
        new TestCaseData(new[] { "recommend", "--history", "h.csv", "--prometheus-url", "http://127.0.0.1:9" }, "error: give exactly one of --history FILE and --prometheus-url URL").SetName("Recommend_BothSources_ExitOne"),
        new TestCaseData(new[] { "recommend", "--history", "HISTORY", "--as-of", "yesterday" }, "error: --as-of 'yesterday': expected unix seconds").SetName("Recommend_BadAsOf_ExitOne"),
        new TestCaseData(new[] { "recommend", "--history", "HISTORY", "--window", "30m" }, "error: --window '30m': must be at least 1h").SetName("Recommend_ShortWindow_ExitOne"),
        new TestCaseData(new[] { "recommend", "--prometheus-url", "not a url" }, "error: --prometheus-url 'not a url': expected an absolute http:// or https:// URL").SetName("Recommend_BadUrl_ExitOne"),
        new TestCaseData(new[] { "recommend", "--history", "missing.csv" }, "error: ").SetName("Recommend_MissingHistoryFile_ExitOne"),
    ];

    [TestCaseSource(nameof(InputErrors))]
    public async Task Recommend_InputError_ExitOneWithMessage(string[] args, string message)
    {
        var (exit, output, error) = await CliRun.RunAsync([.. args.Select(a => a == "HISTORY" ? _history : a)]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.StartWith(message));
            Assert.That(output, Is.Empty);
        });
    }

    [Test]
    public async Task Recommend_UnreachablePrometheus_ExitTwo()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = await CliRun.RunAsync("recommend", "--prometheus-url", $"http://127.0.0.1:{port}", "--timeout", "2s");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.StartWith("error: Prometheus could not be reached"));
        });
    }
}
