using System.Text.Encodings.Web;
using System.Text.Json;

namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>JSON written the way Go's <c>encoding/json</c> writes it (compact; <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped, other text as is).</summary>
public static class GoJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
