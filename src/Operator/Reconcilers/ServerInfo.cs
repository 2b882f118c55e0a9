using System.Globalization;
using RightSizer.Operator.Updater;

namespace RightSizer.Operator.Reconcilers;

/// <summary>The API server's version, read once at start-up, and what it allows.</summary>
public sealed class ServerInfo
{
    public ServerCapabilities Capabilities { get; private set; } = new(1, 0);

    /// <summary>Reads "1" and "35+" (as GKE and EKS report them) into numbers.</summary>
    public void Set(string? major, string? minor) =>
        Capabilities = new ServerCapabilities(Leading(major), Leading(minor));

    private static int Leading(string? text)
    {
        var digits = new string((text ?? string.Empty).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
