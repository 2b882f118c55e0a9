using System.Globalization;
using System.Net;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// A listen address as controller-runtime writes it: <c>:8080</c> (every interface), <c>127.0.0.1:8080</c>,
/// <c>[::1]:0</c> (port 0 picks a free port), or <c>0</c> to turn the endpoint off.
/// </summary>
public sealed record BindAddress(IPAddress Address, int Port)
{
    public static bool TryParse(string text, out BindAddress? address, out string error)
    {
        address = null;
        error = string.Empty;
        if (text == "0")
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            error = "expected [host]:port, or 0 to disable";
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            error = "the port must be a number from 0 to 65535";
            return false;
        }

        IPAddress? ip;
        if (host.Length == 0)
        {
            ip = IPAddress.IPv6Any;
        }
        else if (host == "localhost")
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out ip))
        {
            error = $"'{host}' is not an IP address";
            return false;
        }

        address = new BindAddress(ip, port);
        return true;
    }
}
