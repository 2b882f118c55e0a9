namespace RightSizer.Operator.Hosting;

/// <summary>How the host writes its logs.</summary>
public enum LogFormat
{
    /// <summary>One JSON object a line, with scopes, for log collectors.</summary>
    Json,

    /// <summary>Plain lines for a terminal.</summary>
    Text,
}
