namespace RightSizer.Operator.Export;

/// <summary>Replace the characters [<see cref="Start"/>, <see cref="End"/>) with <see cref="Text"/>; an insertion when they are equal.</summary>
public sealed record TextEdit(int Start, int End, string Text)
{
    /// <summary>Applies non-overlapping edits, from the last to the first so earlier offsets stay valid.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result = string.Concat(result.AsSpan(0, edit.Start), edit.Text, result.AsSpan(edit.End));
        }

        return result;
    }
}
