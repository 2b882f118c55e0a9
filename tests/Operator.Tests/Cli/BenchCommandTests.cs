using System.Globalization;
using System.Text;

namespace RightSizer.Operator.Tests.Cli;

public sealed class BenchCommandTests
{
    private const long Start = 1_700_000_000;
    private string _dir = string.Empty;
    private string _history = string.Empty;

    [SetUp]
    public void WriteHistory()
    {
        _dir = Directory.CreateTempSubdirectory("rightsizer-bench-").FullName;
        _history = Path.Combine(_dir, "history.csv");
        var csv = new StringBuilder("series,timestamp,working_set_bytes\n");
        // Fourteen days at 5 minutes of one container around 400 Mi.
        for (var t = Start; t < Start + (14 * 86_400); t += 300)
        {
            csv.Append(CultureInfo.InvariantCulture, $"shop/Deployment/web/app,{t},{(400 + (t % 7)) * 1048576}\n");
        }

        File.WriteAllText(_history, csv.ToString());
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Bench_TrainLongerThanHistory_ErrorNotAllZeros()
    {
        var (exit, output, error) = await CliRun.RunAsync("bench", "--history", _history, "--train", "30d", "--strategies", "rightsizer,vpa");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Is.Empty, "no table of zeros");
            Assert.That(error, Is.EqualTo("error: --train 30d: the history spans only 13d23h55m, so no decision is left to score; give a shorter --train" + Environment.NewLine));
        });
    }

    [Test]
    public async Task Bench_TrainWithinHistory_Scored()
    {
        var (exit, output, _) = await CliRun.RunAsync("bench", "--history", _history, "--train", "7d", "--strategies", "rightsizer,vpa", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("\"pairs\": 7"));
        });
    }

    [Test]
    public async Task Bench_SetRequestPercentile500_OneLineErrorNamingTheSetting()
    {
        var (exit, output, error) = await CliRun.RunAsync("bench", "--synthetic", "2x2d", "--set", "requestPercentile=500");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Is.Empty);
            Assert.That(error, Is.EqualTo("error: --set 'requestPercentile=500': requestPercentile must be in (0, 100]" + Environment.NewLine));
        });
    }
}
