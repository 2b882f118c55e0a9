using System.Text;
using RightSizer.Operator.Export.Yaml;
using YamlDotNet.Core;

namespace RightSizer.Operator.Export;

/// <summary>
/// <c>--manifests DIR</c>: rewrites the memory of the workloads in a YAML file in place. Each change is a text edit at
/// the offsets the YAML parser reports, never a re-serialization, so comments, key order, quoting, anchors and every
/// byte not changed stay as they were. A value is replaced in the style it was written in; a missing key is inserted
/// in the style of the map it joins (block lines at its indentation, or a flow entry). Values reached through an
/// alias or a merge key (<c>&lt;&lt;</c>) are left alone with a warning, because an edit there would change other
/// objects too.
/// </summary>
public static class ManifestRewriter
{
    public static ManifestRewrite Rewrite(string text, IReadOnlyList<WorkloadPatch> patches)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(patches);
        var edits = new List<TextEdit>();
        var warnings = new List<string>();
        var changed = new List<WorkloadRef>();
        foreach (var scanned in ManifestScanner.Scan(text))
        {
            var patch = patches.FirstOrDefault(p => scanned.Manifest.SameObject(p.Manifest));
            if (patch is null)
            {
                continue;
            }

            var before = edits.Count;
            foreach (var proposal in patch.Containers)
            {
                var index = scanned.Manifest.Containers.ToList().FindIndex(c => c.Name == proposal.Container);
                var edit = new Editor(text, edits, warnings, scanned.SharedAnchors, $"{patch.Workload}: container {proposal.Container}");
                edit.Merge(scanned.ContainerNodes[index], Resources(proposal));
                edit.SetEnv(scanned.ContainerNodes[index], proposal.HeapEnv);
            }

            if (edits.Count > before)
            {
                changed.Add(patch.Workload);
            }
        }

        return new ManifestRewrite(TextEdit.Apply(text, edits), changed, warnings);
    }

    private static Entry[] Resources(ContainerProposal proposal)
    {
        var sections = new List<Entry> { new("requests", null, [new("memory", proposal.Request.ToQuantity(), [])]) };
        if (proposal.Limit is { } limit)
        {
            sections.Add(new("limits", null, [new("memory", limit.ToQuantity(), [])]));
        }

        return [new("resources", null, sections)];
    }

    /// <summary>A key to be present: with a scalar value (the string itself, not yet written as YAML) or with child keys.</summary>
    private sealed record Entry(string Key, string? Scalar, IReadOnlyList<Entry> Children);

    private sealed class Editor(string text, List<TextEdit> edits, List<string> warnings, IReadOnlySet<string> shared, string subject)
    {
        public void Merge(YamlMapping node, IReadOnlyList<Entry> desired)
        {
            if (node.Anchor is { } anchor && shared.Contains(anchor))
            {
                Warn($"a map anchored &{anchor} is shared through aliases; left as it is");
                return;
            }

            var missing = new List<Entry>();
            foreach (var entry in desired)
            {
                var child = node.Get(entry.Key);
                switch (child)
                {
                    case null when node.HasMergeKey:
                        Warn($"{entry.Key} may come from a merge key (<<); left as it is");
                        break;
                    case null:
                        missing.Add(entry);
                        break;
                    case YamlAlias alias when entry.Scalar is not null:
                        // Replacing the alias changes this use only; the anchored value keeps serving the others.
                        edits.Add(new TextEdit(alias.Start, alias.End, Scalar(entry.Scalar)));
                        break;
                    case YamlAlias alias:
                        Warn($"{entry.Key} is the alias *{alias.Anchor}, shared with other objects; left as it is");
                        break;
                    case YamlScalar { Anchor: { } scalarAnchor } when shared.Contains(scalarAnchor):
                        Warn($"{entry.Key} is anchored &{scalarAnchor} and shared through aliases; left as it is");
                        break;
                    case YamlScalar scalar when entry.Scalar is not null:
                        if (scalar.Value != entry.Scalar)
                        {
                            edits.Add(ReplaceScalar(scalar, entry.Scalar));
                        }

                        break;
                    case YamlScalar { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } empty:
                        var flow = "{" + string.Join(", ", entry.Children.Select(FlowEntry)) + "}";
                        edits.Add(new TextEdit(empty.Start, empty.End, (empty.Start == empty.End ? " " : string.Empty) + flow));
                        break;
                    case YamlMapping mapping when entry.Scalar is null:
                        Merge(mapping, entry.Children);
                        break;
                    default:
                        Warn($"{entry.Key} is not a map as expected; left as it is");
                        break;
                }
            }

            if (missing.Count > 0)
            {
                edits.Add(Insert(node, missing));
            }
        }

        public void SetEnv(YamlMapping container, IReadOnlyList<KeyValuePair<string, string>> env)
        {
            if (env.Count == 0)
            {
                return;
            }

            switch (container.Get("env"))
            {
                case null when container.HasMergeKey:
                    Warn("env may come from a merge key (<<); heap settings left out");
                    break;
                case null:
                    edits.Add(InsertEnvList(container, env));
                    break;
                case YamlSequence { Anchor: { } anchor } when shared.Contains(anchor):
                    Warn($"env is anchored &{anchor} and shared through aliases; heap settings left out");
                    break;
                case YamlSequence list:
                    SetEnv(list, env);
                    break;
                default:
                    Warn("env is not a list as expected; heap settings left out");
                    break;
            }
        }

        private void SetEnv(YamlSequence list, IReadOnlyList<KeyValuePair<string, string>> env)
        {
            var appended = new List<KeyValuePair<string, string>>();
            foreach (var variable in env)
            {
                var item = list.Items.OfType<YamlMapping>().FirstOrDefault(m => m.GetText("name") == variable.Key);
                if (item is null)
                {
                    appended.Add(variable);
                }
                else
                {
                    Merge(item, [new Entry("value", variable.Value, [])]);
                }
            }

            if (appended.Count == 0)
            {
                return;
            }

            if (list.Flow)
            {
                var at = list.Items.Count > 0 ? list.Items[^1].End : list.ClosingBracket;
                var items = appended.Select(v => $"{{name: {YamlText.Key(v.Key)}, value: {Scalar(v.Value)}}}");
                edits.Add(new TextEdit(at, at, (list.Items.Count > 0 ? ", " : string.Empty) + string.Join(", ", items)));
                return;
            }

            var dash = new string(' ', DashColumn(list));
            var lines = new StringBuilder();
            foreach (var (name, value) in appended)
            {
                lines.Append(dash).Append("- name: ").Append(YamlText.Key(name)).Append('\n');
                lines.Append(dash).Append("  value: ").Append(Scalar(value)).Append('\n');
            }

            edits.Add(InsertLines(list.End, lines.ToString()));
        }

        private TextEdit InsertEnvList(YamlMapping container, IReadOnlyList<KeyValuePair<string, string>> env)
        {
            if (container.Flow)
            {
                var items = env.Select(v => $"{{name: {YamlText.Key(v.Key)}, value: {Scalar(v.Value)}}}");
                return InsertFlow(container, "env: [" + string.Join(", ", items) + "]");
            }

            var indent = new string(' ', container.Entries[0].Key.Column);
            var lines = new StringBuilder().Append(indent).Append("env:\n");
            foreach (var (name, value) in env)
            {
                lines.Append(indent).Append("- name: ").Append(YamlText.Key(name)).Append('\n');
                lines.Append(indent).Append("  value: ").Append(Scalar(value)).Append('\n');
            }

            return InsertLines(container.End, lines.ToString());
        }

        private TextEdit Insert(YamlMapping node, IReadOnlyList<Entry> entries)
        {
            if (node.Flow)
            {
                return InsertFlow(node, string.Join(", ", entries.Select(FlowEntry)));
            }

            var lines = new StringBuilder();
            AppendBlock(lines, new string(' ', node.Entries[0].Key.Column), entries);
            return InsertLines(node.End, lines.ToString());
        }

        private static TextEdit InsertFlow(YamlMapping node, string entries)
        {
            var at = node.Entries.Count > 0 ? node.Entries[^1].Value.End : node.ClosingBrace;
            return new TextEdit(at, at, (node.Entries.Count > 0 ? ", " : string.Empty) + entries);
        }

        /// <summary>Inserts whole lines after the line on which the content ending at <paramref name="end"/> ends.</summary>
        private TextEdit InsertLines(int end, string lines)
        {
            if (end > 0 && text[end - 1] == '\n')
            {
                return new TextEdit(end, end, lines);
            }

            var newline = text.IndexOf('\n', end);
            return newline < 0
                ? new TextEdit(text.Length, text.Length, "\n" + lines.TrimEnd('\n'))
                : new TextEdit(newline + 1, newline + 1, lines);
        }

        private static void AppendBlock(StringBuilder lines, string indent, IReadOnlyList<Entry> entries)
        {
            foreach (var entry in entries)
            {
                lines.Append(indent).Append(YamlText.Key(entry.Key)).Append(':');
                if (entry.Scalar is not null)
                {
                    lines.Append(' ').Append(Scalar(entry.Scalar)).Append('\n');
                }
                else
                {
                    lines.Append('\n');
                    AppendBlock(lines, indent + "  ", entry.Children);
                }
            }
        }

        private static string FlowEntry(Entry entry) =>
            YamlText.Key(entry.Key) + ": " + (entry.Scalar is { } value ? Scalar(value) : "{" + string.Join(", ", entry.Children.Select(FlowEntry)) + "}");

        /// <summary>Replaces a scalar's value, after any anchor or tag, in the quoting style it was written in.</summary>
        private TextEdit ReplaceScalar(YamlScalar scalar, string value)
        {
            var start = scalar.Start;
            while (start < scalar.End && text[start] is '&' or '!')
            {
                while (start < scalar.End && !char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                while (start < scalar.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
            }

            var written = scalar.Style switch
            {
                ScalarStyle.SingleQuoted => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
                ScalarStyle.DoubleQuoted => YamlText.Quote(value),
                ScalarStyle.Plain when YamlText.IsSafePlain(value) => value,
                _ => YamlText.Quote(value),
            };
            var keepNewline = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded && text[scalar.End - 1] == '\n';
            return new TextEdit(start, scalar.End, written + (keepNewline ? "\n" : string.Empty));
        }

        private static string Scalar(string value) => YamlText.IsSafePlain(value) ? value : YamlText.Quote(value);

        private int DashColumn(YamlSequence list)
        {
            var at = list.Items[0].Start - 1;
            while (at > 0 && text[at] == ' ')
            {
                at--;
            }

            var lineStart = text.LastIndexOf('\n', Math.Max(at, 0)) + 1;
            return text[at] == '-' ? at - lineStart : list.Column;
        }

        private void Warn(string problem) => warnings.Add($"{subject}: {problem}");
    }
}
