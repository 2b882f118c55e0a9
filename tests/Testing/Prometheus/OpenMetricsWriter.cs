using System.Globalization;
using System.Text;

namespace RightSizer.Testing.Prometheus;

/// <summary>Writes samples in the OpenMetrics text format that <c>promtool tsdb create-blocks-from openmetrics</c> reads.</summary>
public sealed class OpenMetricsWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public OpenMetricsWriter(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20) { NewLine = "\n" };
    }

    /// <summary>One series: its samples must be in time order (seconds).</summary>
    public void Series(string metric, IEnumerable<(string Name, string Value)> labels, IEnumerable<(long Timestamp, double Value)> samples)
    {
        var prefix = $"{metric}{{{string.Join(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\""))}}} ";
        foreach (var (timestamp, value) in samples)
        {
            _writer.Write(prefix);
            _writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
            _writer.Write(' ');
            _writer.Write(timestamp.ToString(CultureInfo.InvariantCulture));
            _writer.Write('\n');
        }
    }

    public void Dispose()
    {
        _writer.Write("# EOF\n");
        _writer.Dispose();
    }

    private static string Escape(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
