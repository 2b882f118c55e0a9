namespace RightSizer.Operator.Export;

/// <summary>Replace the characters [<see cref="Start"/>, <see cref="End"/>) with <see cref="Text"/>; an insertion when they are equal.</summary>
public sealed record TextEdit(int Start, int End, string Text)
{
    /// <summary>
    /// Applies non-overlapping edits, from the last offset to the first so earlier offsets stay valid. Insertions at
    /// the same offset come out in the order they were listed.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var result = text;
        var ordered = edits.Select((edit, index) => (edit, index))
            .OrderByDescending(e => e.edit.Start).ThenByDescending(e => e.edit.End).ThenByDescending(e => e.index)
            .Select(e => e.edit);
        foreach (var edit in ordered)
        {
            result = string.Concat(result.AsSpan(0, edit.Start), edit.Text, result.AsSpan(edit.End));
        }

        return result;
    }
}
