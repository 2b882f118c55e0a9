using Microsoft.Extensions.Logging;

namespace RightSizer.Webhooks.Admission;

/// <summary>Source-generated log messages of the admission plumbing.</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Webhook} {Uid}: {Outcome} ({Reason}) in {ElapsedMs:0.000} ms")]
    public static partial void Answered(ILogger logger, string webhook, string uid, string outcome, string reason, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Webhook} {Uid}: {Reason}: {Detail}")]
    public static partial void Failed(ILogger logger, string webhook, string uid, string reason, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Webhook} {Uid}: handler failed")]
    public static partial void HandlerFailed(ILogger logger, string webhook, string uid, Exception exception);
}
