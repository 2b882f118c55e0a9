using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Cli;

namespace RightSizer.Operator.Tests.Cli;

public sealed class ProgressLineTests
{
    [Test]
    public void Phase_SilentFetchOnTerminal_RedrawnByTheTimer()
    {
        var time = new FakeTimeProvider();
        var error = new StringWriter();
        using var progress = new ProgressLine(error, time, interactive: true);
        var received = 0L;
        progress.Phase("querying Prometheus", () => $"{received} bytes received");

        received = 2048;
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.That(error.ToString(), Does.EndWith("querying Prometheus: 0 containers read, 0 recommended, 1.5s; 2048 bytes received\r"),
            "the fetch shows before any container arrives");
    }

    [Test]
    public void Complete_AfterAScanOfSeconds_OneSummaryLine()
    {
        var time = new FakeTimeProvider();
        var error = new StringWriter();
        using var progress = new ProgressLine(error, time, interactive: false);
        progress.Phase("reading history.csv.gz (12Mi)");
        progress.HistoryRead();
        progress.HistoryRead();
        progress.Recommended();
        time.Advance(TimeSpan.FromSeconds(3));

        progress.Complete();

        Assert.That(error.ToString(), Is.EqualTo("read 2 containers, recommended 1 in 3.0s" + Environment.NewLine), "no carriage returns off a terminal");
    }

    [Test]
    public void Complete_QuickScan_Silent()
    {
        var time = new FakeTimeProvider();
        var error = new StringWriter();
        using var progress = new ProgressLine(error, time, interactive: true);
        progress.HistoryRead();
        time.Advance(TimeSpan.FromMilliseconds(200));

        progress.Complete();

        Assert.That(error.ToString(), Is.Empty);
    }
}
