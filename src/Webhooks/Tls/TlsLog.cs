using Microsoft.Extensions.Logging;

namespace RightSizer.Webhooks.Tls;

internal static partial class TlsLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Serving certificate loaded from {Path}: {Subject}, valid until {NotAfter:u}")]
    public static partial void Loaded(ILogger logger, string path, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Serving certificate {Path} not loaded (the previous one, if any, stays in use): {Reason}")]
    public static partial void NotLoaded(ILogger logger, string path, string reason);
}
