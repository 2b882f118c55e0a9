using System.Globalization;

namespace RightSizer.Webhooks.Validation;

/// <summary>How values appear in validation messages.</summary>
internal static class Format
{
    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "null";

    public static string Text(string? value) => value is null ? "null" : $"'{value}'";
}
