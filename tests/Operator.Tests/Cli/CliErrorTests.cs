using System.Text;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Cli;

namespace RightSizer.Operator.Tests.Cli;

/// <summary>docs/cli.md's contract for every bad command line: one <c>error:</c> line on stderr, nothing on stdout, exit 1.</summary>
public sealed class CliErrorTests
{
    private const string History = "samples/history/bitbrains-rnd-sample.csv.gz";

    private static string Sample => RepositoryRoot.File(History.Split('/'));

    private static readonly TestCaseData[] BadCommandLines =
    [
        new TestCaseData(new[] { "recommend", "-o", "xml" }, "error: Argument 'xml' not recognized. Must be one of: 'table', 'json', 'yaml', 'csv'; run 'rightsizer recommend --help' for usage")
            .SetName("Invoke_UnknownOutputPrintedWholeHelp_OneErrorLine"),
        new TestCaseData(new[] { "recommend", "--bogus" }, "error: Unrecognized command or argument '--bogus'; run 'rightsizer recommend --help' for usage")
            .SetName("Invoke_UnknownFlagPrintedWholeHelp_OneErrorLine"),
        new TestCaseData(new[] { "recommend", "--history" }, "error: Required argument missing for option: '--history'; run 'rightsizer recommend --help' for usage")
            .SetName("Invoke_MissingValuePrintedWholeHelp_OneErrorLine"),
        new TestCaseData(Array.Empty<string>(), "error: no command given; run 'rightsizer --help' for usage")
            .SetName("Invoke_NoCommandPrintedWholeHelp_OneErrorLine"),
        new TestCaseData(new[] { "recommend", "--history", "{sample}", "--window", "99999999999999999d" }, "error: --window '99999999999999999d': \"99999999999999999d\" is too long a duration")
            .SetName("Recommend_HugeWindowCrashedWithOverflow_NamesTheFlag"),
        new TestCaseData(new[] { "recommend", "--history", "{sample}", "--window", "9999999d" }, "error: --window 9999999d: reaches back before 1970 from 2013-08-*")
            .SetName("Recommend_WindowBefore1970LeakedUnrepresentableDateTime_NamesTheFlag"),
        new TestCaseData(new[] { "recommend", "--history", "{sample}", "--as-of", "1376524800000" }, "error: --as-of '1376524800000': later than the year 9999 (looks like milliseconds; give seconds)")
            .SetName("Recommend_MillisecondAsOfLeakedParameterSeconds_HintSaysMilliseconds"),
        new TestCaseData(new[] { "recommend", "-p", "http://127.0.0.1:9", "--timeout", "1ms" }, "error: --timeout '1ms': must be between 10ms and 1d")
            .SetName("Recommend_TimeoutOf1msCrashed_NamesTheFlag"),
        new TestCaseData(new[] { "recommend", "-p", "http://127.0.0.1:9", "--header", "X-Scope-OrgID: a\nX-Evil: 1" }, "error: --header 'X-Scope-OrgID': the value holds a line break (CR or LF)")
            .SetName("Recommend_HeaderWithLineBreakSentAsExtraHeader_Rejected"),
        new TestCaseData(new[] { "recommend", "--history", "{sample}", "-n", "" }, "error: --namespace '': give a namespace name (leave the flag out for all namespaces)")
            .SetName("Recommend_EmptyNamespace_Error"),
        new TestCaseData(new[] { "recommend", "--history", "{sample}", "--cluster", "prod" }, "error: *: a history file holds one cluster; --cluster needs --prometheus-url")
            .SetName("Recommend_ClusterWithHistoryFile_Error"),
        new TestCaseData(new[] { "recommend", "-p", "http://127.0.0.1:9", "-l", "-app=x" }, "error: --selector '-app=x': label key '-app': *")
            .SetName("Recommend_InvalidSelectorKey_Error"),
        new TestCaseData(new[] { "recommend", "-p", "http://127.0.0.1:9", "--cluster-label", "x" }, "error: --cluster-label needs --cluster NAME")
            .SetName("Recommend_ClusterLabelAlone_Error"),
    ];

    [TestCaseSource(nameof(BadCommandLines))]
    public async Task Invoke_BadCommandLine_OneErrorLineAndExitOne(string[] args, string expected)
    {
        var (exit, output, error) = await CliRun.RunAsync([.. args.Select(a => a == "{sample}" ? Sample : a)]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.InputError));
            Assert.That(output, Is.Empty, "nothing on stdout");
            Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error.TrimEnd('\n'), expected.Contains('*', StringComparison.Ordinal) ? Does.Match("^" + System.Text.RegularExpressions.Regex.Escape(expected).Replace(@"\*", ".*", StringComparison.Ordinal) + "$") : Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Invoke_Help_StillPrintsHelpOnStdout()
    {
        var (exit, output, error) = await CliRun.RunAsync("recommend", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("--prometheus-url, -p").Or.Contain("-p, --prometheus-url"));
            Assert.That(error, Is.Empty);
        });
    }

    [Test]
    public async Task Generate_CrdIntoADirectoryPrintedStackTrace_OneErrorLine()
    {
        var directory = Directory.CreateTempSubdirectory("rightsizer-generate-").FullName;
        try
        {
            var (exit, _, error) = await CliRun.RunAsync("generate", "crd", "-o", directory);

            Assert.That((exit, error.TrimEnd('\n')), Is.EqualTo((ExitCodes.InputError, $"error: -o {directory}: is a directory; give a file path (or - for stdout)")));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Test]
    public async Task Recommend_StdoutOnDevFullPrintedStackTrace_OneErrorLine()
    {
        var error = new StringWriter();

        var exit = await CliApp.InvokeAsync(["recommend", "--history", Sample, "-o", "json"], new FakeTimeProvider(CliRun.Now), new FullWriter(), error);

        Assert.That((exit, error.ToString().TrimEnd('\n')), Is.EqualTo((ExitCodes.InputError, "error: cannot write the output: No space left on device")));
    }

    /// <summary>A writer that fails as stdout on /dev/full does.</summary>
    private sealed class FullWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");
    }
}
