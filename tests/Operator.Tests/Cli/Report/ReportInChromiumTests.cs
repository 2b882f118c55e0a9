namespace RightSizer.Operator.Tests.Cli.Report;

/// <summary>The report of the bundled sample, rendered by headless chromium and read back through the DevTools protocol.</summary>
[NonParallelizable]
public sealed class ReportInChromiumTests
{
    private const int Width = 1280;
    private const int Height = 1400;
    private static string _folder = string.Empty;
    private static HeadlessChromium? _browser;

    private static HeadlessChromium Browser => _browser!;

    [OneTimeSetUp]
    public static async Task RenderSample()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rightsizer-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var page = Path.Combine(_folder, "report.html");
        var (exit, _, error) = await CliRun.RunAsync(
            "report", "--history", RepositoryRoot.File("samples", "history", "bitbrains-rnd-sample.csv.gz"),
            "--base", RepositoryRoot.File("samples", "manifests"), "--out", page);
        Assert.That(exit, Is.Zero, error);

        _browser = await HeadlessChromium.StartAsync(Width, Height);
        await Browser.NavigateAsync(new Uri(page).AbsoluteUri);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "report.png"), await Browser.ScreenshotAsync(Width, Height));
        TestContext.AddTestAttachment(Path.Combine(_folder, "report.png"), "the sample report as chromium draws it");
    }

    [OneTimeTearDown]
    public static async Task Close()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Render_Sample_NoConsoleErrors() => Assert.That(Browser.Errors, Is.Empty);

    [Test]
    public async Task Render_Sample_EveryChartHasItsUsageBand()
    {
        var lengths = await Browser.EvaluateAsync(
            "[...document.querySelectorAll('svg.chart')].map(s => (s.querySelector('path.usage')?.getAttribute('d') ?? '').length)");
        var drawn = await Browser.EvaluateAsync(
            "[...document.querySelectorAll('path.usage')].map(p => { const b = p.getBBox(); return b.width > 100 && b.height > 5; })");

        Assert.Multiple(() =>
        {
            Assert.That(lengths!.AsArray().Select(l => l!.GetValue<int>()), Has.Exactly(12).Items.And.All.GreaterThan(500));
            Assert.That(drawn!.AsArray().Select(d => d!.GetValue<bool>()), Has.All.True);
        });
    }

    [Test]
    public async Task Render_Sample_LinesSitWhereTheirValuesSay()
    {
        // Per chart: each line's y against the scale (view box 180 high, plot from 8 to 158), and the proposed
        // request's value against the table row that links to the chart.
        var checks = await Browser.EvaluateAsync("""
            [...document.querySelectorAll('section.entry')].map(section => {
              const svg = section.querySelector('svg.chart');
              const ymax = Number(svg.dataset.ymax);
              const lines = [...svg.querySelectorAll('line.req-now, line.lim-now, line.req-new, line.lim-new')];
              const misplaced = lines.filter(l => Math.abs(Number(l.getAttribute('y1')) - (8 + (1 - Number(l.dataset.bytes) / ymax) * 150)) > 1).length;
              const row = document.querySelector(`#changes a[href="#${section.id}"]`).closest('tr');
              return {
                lines: lines.length,
                misplaced,
                proposed: svg.querySelector('line.req-new').dataset.bytes === row.cells[4].dataset.sort,
                today: svg.querySelector('line.req-now').dataset.bytes === row.cells[3].dataset.sort,
              };
            })
            """);
        var rows = checks!.AsArray().Select(c => c!.AsObject()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(12));
            Assert.That(rows.Select(r => r["lines"]!.GetValue<int>()), Has.All.EqualTo(4));
            Assert.That(rows.Select(r => r["misplaced"]!.GetValue<int>()), Has.All.Zero);
            Assert.That(rows.Select(r => r["proposed"]!.GetValue<bool>()), Has.All.True);
            Assert.That(rows.Select(r => r["today"]!.GetValue<bool>()), Has.All.True);
        });
    }

    [Test]
    public async Task Click_ChangeHeader_SortsAscendingThenDescending()
    {
        var ascending = await ClickChangeHeaderAsync();
        var descending = await ClickChangeHeaderAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ascending, Is.Ordered.Ascending.And.Count.EqualTo(12));
            Assert.That(descending, Is.Ordered.Descending.And.Count.EqualTo(12));
        });
    }

    private static async Task<List<long>> ClickChangeHeaderAsync()
    {
        var box = (await Browser.EvaluateAsync("""
            (() => { const th = document.querySelector('#changes th[data-key=change]'); th.scrollIntoView({block: 'center'});
                     const r = th.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()
            """))!.AsObject();
        await Browser.ClickAsync(box["x"]!.GetValue<double>(), box["y"]!.GetValue<double>());
        var values = await Browser.EvaluateAsync("[...document.querySelectorAll('#changes tbody tr')].map(r => r.cells[5].dataset.sort)");
        return [.. values!.AsArray().Select(v => long.Parse(v!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
