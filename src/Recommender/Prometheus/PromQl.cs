using System.Text;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Builds PromQL string literals from untrusted values (namespace, pod and label names come from the cluster and from
/// users). Every value goes through here, never into a query raw, so no value can close its quote and add selectors.
/// </summary>
public static class PromQl
{
    /// <summary>The characters RE2 gives a meaning to; the same set Go's <c>regexp.QuoteMeta</c> escapes.</summary>
    private const string RegexMetacharacters = @"\.+*?()|[]{}^$";

    /// <summary>
    /// A double-quoted PromQL string literal holding exactly <paramref name="value"/>: backslash, double quote, line
    /// feed and carriage return are escaped (a raw newline would end the literal with a lexer error).
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Escapes RE2 metacharacters so that the value matches only itself inside a regex.</summary>
    public static string EscapeRegex(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (RegexMetacharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A quoted regex for <c>=~</c> that matches exactly the given values and nothing else: each value is
    /// regex-escaped first, then the whole alternation is PromQL-quoted. Values are de-duplicated and sorted so the
    /// same set always yields the same text.
    /// </summary>
    public static string QuoteAlternation(IEnumerable<string> values) =>
        Quote(string.Join('|', values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(EscapeRegex)));

    /// <summary><c>label="value"</c>.</summary>
    public static string Equal(string label, string value) => $"{label}={Quote(value)}";

    /// <summary>
    /// <c>label="value"</c> for one value, <c>label=~"a|b"</c> for several. An empty set is a caller error: a regex
    /// matching nothing would silently return no data.
    /// </summary>
    public static string OneOf(string label, IReadOnlyCollection<string> values) => values.Count switch
    {
        0 => throw new ArgumentException($"no values to match for label {label}", nameof(values)),
        1 => Equal(label, values.First()),
        _ => $"{label}=~{QuoteAlternation(values)}",
    };

    /// <summary>
    /// The label kube-state-metrics gives a Kubernetes pod label in <c>kube_pod_labels</c>: <c>label_</c> plus the key
    /// with every character outside <c>[a-zA-Z0-9_]</c> replaced by <c>_</c> (<c>app.kubernetes.io/name</c> becomes
    /// <c>label_app_kubernetes_io_name</c>).
    /// </summary>
    public static string KubeStateMetricsLabel(string podLabelKey)
    {
        var builder = new StringBuilder("label_", podLabelKey.Length + 6);
        foreach (var c in podLabelKey)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }
}
