using System.Globalization;
using System.Text;

namespace RightSizer.Api.Units;

/// <summary>
/// Durations in Prometheus notation (<c>14d</c>, <c>48h</c>, <c>1h30m</c>, <c>90s</c>, <c>1w</c>, <c>500ms</c>), the notation
/// the MemoryPolicy API and the CLI use, so a window reads the same in a policy, a flag and a PromQL range.
/// </summary>
public static class PromDuration
{
    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("y", TimeSpan.FromDays(365)),
        ("w", TimeSpan.FromDays(7)),
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    /// <summary>
    /// The CRD's pattern for exactly what <see cref="TryParse(string?, out TimeSpan, out string)"/> accepts, except
    /// magnitudes beyond <see cref="TimeSpan.MaxValue"/>: one alternative per first unit, each followed by the smaller
    /// units at most once, in order. RE2 syntax (the API server validates patterns with Go's regexp: no lookahead).
    /// </summary>
    public static string Pattern { get; } = BuildPattern();

    /// <exception cref="FormatException">The text is not a duration; the message says why.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    public static bool TryParse(string? text, out TimeSpan duration) => TryParse(text, out duration, out _);

    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "duration is empty";
            return false;
        }

        var s = text;
        var i = 0;
        var lastUnitIndex = -1;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                error = $"\"{text}\" is not a duration (expected e.g. 14d, 48h or 1h30m)";
                return false;
            }

            var digits = s.AsSpan(start, i - start);
            var unitIndex = MatchUnit(s, i);
            if (unitIndex < 0)
            {
                error = $"\"{text}\" has no valid unit after {digits} (use y, w, d, h, m, s or ms)";
                return false;
            }

            // TimeSpan's range (about 29,000 years) bounds what can be written; beyond it the text is an error, not a crash.
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || amount > (TimeSpan.MaxValue - duration).Ticks / Units[unitIndex].Length.Ticks)
            {
                error = $"\"{text}\" is too long a duration";
                return false;
            }

            if (unitIndex <= lastUnitIndex)
            {
                error = $"\"{text}\" repeats a unit or lists units out of order (largest first, e.g. 1d12h)";
                return false;
            }

            lastUnitIndex = unitIndex;
            i += Units[unitIndex].Unit.Length;
            duration += Units[unitIndex].Length * amount;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Formats as Prometheus does: largest units first, zero parts left out (<c>13d20h</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var rest = duration;
        foreach (var (unit, length) in Units)
        {
            // Days are the largest unit people write windows in (14d, not 2w).
            if (unit is "y" or "w")
            {
                continue;
            }

            var count = rest.Ticks / length.Ticks;
            if (count > 0)
            {
                builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= TimeSpan.FromTicks(count * length.Ticks);
            }
        }

        return builder.ToString();
    }

    private static string BuildPattern()
    {
        var parts = Units.Select(u => "[0-9]+" + u.Unit).ToArray();
        var alternatives = parts.Select((first, i) => first + string.Concat(parts.Skip(i + 1).Select(p => "(" + p + ")?")));
        return "^(" + string.Join('|', alternatives) + ")$";
    }

    private static int MatchUnit(string s, int at)
    {
        if (at + 1 < s.Length && s[at] == 'm' && s[at + 1] == 's')
        {
            return Array.FindIndex(Units, u => u.Unit == "ms");
        }

        return at < s.Length ? Array.FindIndex(Units, u => u.Unit.Length == 1 && u.Unit[0] == s[at]) : -1;
    }
}
