using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary><c>metav1.LabelSelector</c> matching: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) ANDed.</summary>
public static class LabelSelector
{
    /// <summary>Whether <paramref name="labels"/> match; an empty selector matches everything (callers decide what a missing one means).</summary>
    public static bool Matches(JsonObject selector, JsonObject? labels)
    {
        string? Label(string key) => labels?[key]?.GetValue<string>();
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (Label(key) != value?.GetValue<string>())
            {
                return false;
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.GetValue<string>() ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var actual = Label(key);
            var matches = expression["operator"]?.GetValue<string>() switch
            {
                "In" => actual is not null && values.Contains(actual),
                "NotIn" => actual is null || !values.Contains(actual),
                "Exists" => actual is not null,
                "DoesNotExist" => actual is null,
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a selector selects nothing by being empty (no matchLabels, no matchExpressions).</summary>
    public static bool IsEmpty(JsonObject selector) =>
        (selector["matchLabels"] as JsonObject ?? []).Count == 0 && (selector["matchExpressions"] as JsonArray ?? []).Count == 0;
}
