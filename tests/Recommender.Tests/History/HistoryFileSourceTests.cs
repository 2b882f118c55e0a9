using System.IO.Compression;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.History;

public sealed class HistoryFileSourceTests
{
    private static readonly DateTimeOffset AsOf = DateTimeOffset.FromUnixTimeSeconds(10_000);
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("rightsizer-history-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static readonly TestCaseData[] BadFiles =
    [
        new TestCaseData("", "h.csv: the file is empty; expected the header 'series,timestamp,working_set_bytes'").SetName("Read_EmptyFile_NamesHeader"),
        new TestCaseData("id,time,value\n", "h.csv:1: expected the header 'series,timestamp,working_set_bytes', found 'id,time,value'").SetName("Read_WrongHeader_ShowsIt"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,5\na,abc,7\n", "h.csv:3: timestamp 'abc' is not a number of unix seconds").SetName("Read_BadTimestamp_NamesLine"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,lots\n", "h.csv:2: working_set_bytes 'lots' is not a number").SetName("Read_BadValue_NamesLine"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,-5\n", "h.csv:2: working_set_bytes -5 is negative").SetName("Read_NegativeValue_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100\n", "h.csv:2: expected 3 comma-separated fields, found 'a,100'").SetName("Read_MissingField_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,5,6\n", "h.csv:2: expected 3 comma-separated fields, found 'a,100,5,6'").SetName("Read_ExtraField_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\n,100,5\n", "h.csv:2: the series id is empty").SetName("Read_EmptySeries_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,NaN\n", "h.csv:2: working_set_bytes NaN is not a number (NaN)").SetName("Read_NaN_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,Infinity\n", "h.csv:2: working_set_bytes Infinity is infinite").SetName("Read_Infinity_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,1e30\n", "h.csv:2: working_set_bytes 1e30 is larger than 1 PiB, more than any container holds").SetName("Read_SampleOf1e30CrashedWithOverflow_RejectedWithLine"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,18446744073709551615\n", "h.csv:2: working_set_bytes 18446744073709551615 is larger than 1 PiB, more than any container holds").SetName("Read_SampleOf2Pow64CrashedWithOverflow_RejectedWithLine"),
        new TestCaseData("series,timestamp,working_set_bytes\na,100,9223372036854775807\n", "h.csv:2: working_set_bytes 9223372036854775807 is larger than 1 PiB, more than any container holds").SetName("Read_SampleOfLongMaxCrashedWithOverflow_RejectedWithLine"),
        new TestCaseData("series,timestamp,working_set_bytes\na,1700000000000,5\n", "h.csv:2: timestamp 1700000000000 is after the year 9999 (looks like milliseconds; give unix seconds)").SetName("Read_MillisecondTimestamps_HintSaysMilliseconds"),
        new TestCaseData("series,timestamp,working_set_bytes\na,1e300,5\n", "h.csv:2: timestamp 1e300 is after the year 9999").SetName("Read_TimestampBeyondDateTime_Rejected"),
        new TestCaseData("series,timestamp,working_set_bytes\na,-5,5\n", "h.csv:2: timestamp -5 is before 1970").SetName("Read_NegativeTimestamp_Rejected"),
    ];

    [Test]
    public async Task Read_DuplicateTimestampsCountedTwice_MaximumPerTimestampKept()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\na,100,5\na,200,2\na,100,9\na,100,7\n");

        var histories = await ReadAll(new HistoryFileSource(path));

        Assert.That(histories[0].Usage.ToArray(), Is.EqualTo(new[] { new Sample(100, 9), new Sample(200, 2) }));
    }

    [Test]
    public void Read_TruncatedGzipAtFlushPointAcceptedSilently_ErrorSaysItEndsEarly()
    {
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(t => FormattableString.Invariant($"a,{t},100\n")));
        var whole = Gzip("series,timestamp,working_set_bytes\n" + rows, out var flushPoint);
        var path = Path.Combine(_dir, "cut.csv.gz");
        File.WriteAllBytes(path, whole[..flushPoint]);

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAll(new HistoryFileSource(path)));

        Assert.That(error!.Message, Does.StartWith($"{path}: the gzip stream ends early"));
    }

    [Test]
    public async Task Read_WholeGzip_AllRowsRead()
    {
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(t => FormattableString.Invariant($"a,{t},100\n")));
        var path = Path.Combine(_dir, "whole.csv.gz");
        File.WriteAllBytes(path, Gzip("series,timestamp,working_set_bytes\n" + rows, out _));

        var histories = await ReadAll(new HistoryFileSource(path), new HistoryQuery(AsOf, TimeSpan.FromSeconds(10_000)));

        Assert.That(histories[0].Usage.Length, Is.EqualTo(2000));
    }

    /// <summary>Gzip of the text, flushed halfway: <paramref name="flushPoint"/> is where a cut file would still inflate cleanly.</summary>
    private static byte[] Gzip(string text, out int flushPoint)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes, 0, bytes.Length / 2);
            gzip.Flush();
            flushPoint = (int)output.Length;
            gzip.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));
        }

        return output.ToArray();
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Read_BadFile_ErrorNamesFileLineAndProblem(string content, string expected)
    {
        var path = Write("h.csv", content);

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAll(new HistoryFileSource(path)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo(Path.Combine(_dir, expected)));
            Assert.That(error.Unreachable, Is.False);
        });
    }

    [Test]
    public async Task Read_UnsortedRows_SortedPerSeriesAndGrouped()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\nb,300,3\na,200,2\na,100,1\nb,100,1\n");

        var histories = await ReadAll(new HistoryFileSource(path));

        Assert.Multiple(() =>
        {
            Assert.That(histories.Select(h => h.Key.Id), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(histories[0].Usage.ToArray(), Is.EqualTo(new[] { new Sample(100, 1), new Sample(200, 2) }));
            Assert.That(histories[1].Usage.ToArray(), Is.EqualTo(new[] { new Sample(100, 1), new Sample(300, 3) }));
        });
    }

    [Test]
    public async Task Read_Gzip_SameAsPlain()
    {
        const string content = "series,timestamp,working_set_bytes\nshop/Deployment/web/app,100,1.5e6\nshop/Deployment/web/app,200.0,2000000\n";
        var plain = Write("h.csv", content);
        var gzip = Path.Combine(_dir, "h.csv.gz");
        await using (var file = File.Create(gzip))
        await using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(zip))
        {
            await writer.WriteAsync(content);
        }

        var fromPlain = await ReadAll(new HistoryFileSource(plain));
        var fromGzip = await ReadAll(new HistoryFileSource(gzip));

        Assert.Multiple(() =>
        {
            Assert.That(fromGzip.Single().Usage.ToArray(), Is.EqualTo(fromPlain.Single().Usage.ToArray()));
            Assert.That(fromGzip.Single().Usage.ToArray(), Is.EqualTo(new[] { new Sample(100, 1.5e6), new Sample(200, 2e6) }));
            Assert.That(fromGzip.Single().Key, Is.EqualTo(new SeriesKey("shop/Deployment/web/app", "shop", "Deployment", "web", "app")));
        });
    }

    [Test]
    public async Task Read_AsOfAndWindow_OnlySamplesInsideWindow()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\na,5000,1\na,6000,2\na,9999,3\na,10000,4\n");

        var history = (await ReadAll(new HistoryFileSource(path), new HistoryQuery(AsOf, TimeSpan.FromSeconds(4000)))).Single();

        Assert.That(history.Usage.ToArray().Select(s => s.Value), Is.EqualTo(new[] { 2.0, 3.0 }));
    }

    [Test]
    public async Task Read_NamespaceFilter_OnlyThatNamespace()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\nshop/Deployment/web/app,100,1\nbank/Deployment/api/app,100,1\nplain-id,100,1\n");

        var histories = await ReadAll(new HistoryFileSource(path), new HistoryQuery(AsOf, TimeSpan.FromDays(1)) { Namespaces = ["shop"] });

        Assert.That(histories.Select(h => h.Key.Id), Is.EqualTo(new[] { "shop/Deployment/web/app" }));
    }

    [Test]
    public void Read_LabelSelector_ClearError()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\na,100,1\n");
        var query = new HistoryQuery(AsOf, TimeSpan.FromDays(1)) { PodLabels = [new LabelRequirement("app", "web")] };

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAll(new HistoryFileSource(path), query));

        Assert.That(error!.Message, Does.Contain("a history file has no pod labels"));
    }

    [Test]
    public void Read_MissingFile_ClearError()
    {
        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAll(new HistoryFileSource(Path.Combine(_dir, "none.csv"))));

        Assert.That(error!.Message, Does.StartWith(Path.Combine(_dir, "none.csv") + ": cannot open the history file"));
    }

    [Test]
    public void End_JustAfterNewestSample()
    {
        var path = Write("h.csv", "series,timestamp,working_set_bytes\na,100,1\nb,700,1\n");

        Assert.That(new HistoryFileSource(path).End, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(701)));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<List<ContainerHistory>> ReadAll(HistoryFileSource source) =>
        ReadAll(source, new HistoryQuery(AsOf, TimeSpan.FromDays(1)));

    private static async Task<List<ContainerHistory>> ReadAll(HistoryFileSource source, HistoryQuery query)
    {
        var list = new List<ContainerHistory>();
        await foreach (var history in source.ReadAsync(query, CancellationToken.None))
        {
            list.Add(history);
        }

        return list;
    }
}
