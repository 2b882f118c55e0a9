using System.Globalization;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>
/// The smallest change worth a commit: a share of today's value (<c>10%</c>) or an amount (<c>64Mi</c>). A container
/// whose value today is unknown always counts as changed.
/// </summary>
public sealed record MinChange(double? Fraction, Memory? Amount)
{
    public static MinChange None { get; } = new(null, null);

    /// <exception cref="FormatException">Neither a percentage nor a quantity; the message says which forms work.</exception>
    public static MinChange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith('%'))
        {
            if (double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
                && double.IsFinite(percent) && percent >= 0)
            {
                return new MinChange(percent / 100, null);
            }
        }
        else if (Memory.TryParse(text, out var amount) && amount.Bytes >= 0)
        {
            return new MinChange(null, amount);
        }

        throw new FormatException($"'{text}' is neither a percentage (10%) nor a memory quantity (64Mi)");
    }

    /// <summary>Whether going from <paramref name="current"/> to <paramref name="proposed"/> is too small to matter.</summary>
    public bool IsBelow(Memory? current, Memory? proposed)
    {
        if (current == proposed)
        {
            return true;
        }

        if (current is not { } today || proposed is not { } next)
        {
            return false;
        }

        var change = Math.Abs(next.Bytes - today.Bytes);
        return (Fraction is { } fraction && change < fraction * today.Bytes)
            || (Amount is { } amount && change < amount.Bytes);
    }

    /// <summary>Whether none of the proposal's values moves by at least this much.</summary>
    public bool IsBelow(ContainerProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.HeapEnv.Count == 0
            && IsBelow(proposal.CurrentRequest, proposal.Request)
            && (proposal.Limit is null || IsBelow(proposal.CurrentLimit, proposal.Limit));
    }
}
