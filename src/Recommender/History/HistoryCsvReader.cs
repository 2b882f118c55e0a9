using System.Globalization;
using System.IO.Compression;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.History;

/// <summary>
/// Reads a history CSV (<c>series,timestamp,working_set_bytes</c>; plain or gzip) into one time-sorted sample array per
/// series. Rows may come in any order. A bad row stops the read with the file, the line and what is wrong with it.
/// </summary>
internal static class HistoryCsvReader
{
    public const string Header = "series,timestamp,working_set_bytes";

    public static Dictionary<string, Sample[]> Read(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HistorySourceException($"{path}: cannot open the history file: {e.Message}", e);
        }

        using (stream)
        {
            var gzip = IsGzip(stream) ? new GzipEndCheck(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)) : null;
            using var reader = new StreamReader(gzip ?? stream);
            try
            {
                var series = Parse(path, reader);
                if (gzip is not null && !gzip.EndsWhole(stream))
                {
                    throw new HistorySourceException($"{path}: the gzip stream ends early (the file is cut short; {gzip.Position} bytes decompressed)");
                }

                return series;
            }
            catch (InvalidDataException e)
            {
                throw new HistorySourceException($"{path}: the file is not valid gzip: {e.Message}", e);
            }
        }
    }

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static Dictionary<string, Sample[]> Parse(string path, StreamReader reader)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new HistorySourceException($"{path}: the file is empty; expected the header '{Header}'");
        }

        if (header.TrimEnd('\r').Trim() != Header)
        {
            throw new HistorySourceException($"{path}:1: expected the header '{Header}', found '{Truncate(header)}'");
        }

        var series = new Dictionary<string, SeriesBuilder>(StringComparer.Ordinal);
        var lookup = series.GetAlternateLookup<ReadOnlySpan<char>>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var row = line.AsSpan().TrimEnd('\r');
            if (row.IsWhiteSpace())
            {
                continue;
            }

            var first = row.IndexOf(',');
            var second = first < 0 ? -1 : row[(first + 1)..].IndexOf(',') + first + 1;
            if (first < 0 || second <= first || row[(second + 1)..].Contains(','))
            {
                throw Bad(path, lineNumber, $"expected 3 comma-separated fields, found '{Truncate(line)}'");
            }

            var id = row[..first].Trim();
            if (id.IsEmpty)
            {
                throw Bad(path, lineNumber, "the series id is empty");
            }

            var timestampText = row[(first + 1)..second].Trim();
            if (!double.TryParse(timestampText, NumberStyles.Float, CultureInfo.InvariantCulture, out var timestamp))
            {
                throw Bad(path, lineNumber, $"timestamp '{timestampText}' is not a number of unix seconds");
            }

            if (HistoryLimits.TimestampProblem(timestamp) is { } timestampProblem)
            {
                throw Bad(path, lineNumber, $"timestamp {timestampText} {timestampProblem}");
            }

            var valueText = row[(second + 1)..].Trim();
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Bad(path, lineNumber, $"working_set_bytes '{valueText}' is not a number");
            }

            if (HistoryLimits.SampleProblem(value) is { } valueProblem)
            {
                throw Bad(path, lineNumber, $"working_set_bytes {valueText} {valueProblem}");
            }

            if (!lookup.TryGetValue(id, out var builder))
            {
                builder = new SeriesBuilder();
                lookup[id] = builder;
            }

            builder.Add(new Sample((long)timestamp, value));
        }

        return series.ToDictionary(s => s.Key, s => s.Value.Build(), StringComparer.Ordinal);
    }

    private static HistorySourceException Bad(string path, int line, string problem) => new($"{path}:{line}: {problem}");

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private sealed class SeriesBuilder
    {
        private Sample[] _samples = new Sample[64];
        private int _count;
        private bool _sorted = true;

        public void Add(Sample sample)
        {
            if (_count == _samples.Length)
            {
                Array.Resize(ref _samples, _samples.Length * 2);
            }

            if (_count > 0 && sample.Timestamp < _samples[_count - 1].Timestamp)
            {
                _sorted = false;
            }

            _samples[_count++] = sample;
        }

        /// <summary>
        /// The samples by time, one per timestamp: rows that share a timestamp (replicas, or a file written twice)
        /// become their maximum, as the Prometheus source's <c>max by</c> does, so none is counted twice.
        /// </summary>
        public Sample[] Build()
        {
            var samples = _samples[.._count];
            if (!_sorted)
            {
                Array.Sort(samples, (a, b) => a.Timestamp.CompareTo(b.Timestamp));
            }

            var kept = 0;
            for (var i = 0; i < samples.Length; i++)
            {
                if (kept > 0 && samples[kept - 1].Timestamp == samples[i].Timestamp)
                {
                    samples[kept - 1] = samples[kept - 1] with { Value = Math.Max(samples[kept - 1].Value, samples[i].Value) };
                }
                else
                {
                    samples[kept++] = samples[i];
                }
            }

            return kept == samples.Length ? samples : samples[..kept];
        }
    }
}
