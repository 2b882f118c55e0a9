using System.Globalization;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli;

/// <summary>Reads a series' provisioned memory from a CSV meta file (a <c>series</c> column and a bytes column).</summary>
public static class ProvisionedMemory
{
    public static IReadOnlyDictionary<string, Memory> Read(string path, string column)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--meta {path}: {e.Message}");
        }

        if (lines.Length == 0)
        {
            throw new CliInputException($"--meta {path}: the file is empty");
        }

        var header = lines[0].Split(',');
        var seriesIndex = Array.IndexOf(header, "series");
        var valueIndex = Array.IndexOf(header, column);
        if (seriesIndex < 0 || valueIndex < 0)
        {
            throw new CliInputException($"--meta {path}: needs columns 'series' and '{column}' (found {string.Join(", ", header)})");
        }

        var result = new Dictionary<string, Memory>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != header.Length
                || !double.TryParse(fields[valueIndex], NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
            {
                throw new CliInputException($"--meta {path}:{i + 1}: expected {header.Length} fields with a positive number in '{column}'");
            }

            result[fields[seriesIndex]] = Memory.FromBytes(bytes);
        }

        return result;
    }
}
