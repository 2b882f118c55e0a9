using System.Text.Encodings.Web;
using System.Text.Json;

namespace RightSizer.Operator.Cli.Output;

/// <summary>The JSON form of a report: camelCase, indented, nulls written out so every field is always present.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RecommendationReport report, TextWriter writer) =>
        writer.WriteLine(JsonSerializer.Serialize(report, Options));
}
