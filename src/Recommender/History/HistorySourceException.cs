namespace RightSizer.Recommender.History;

/// <summary>
/// A history source failed. The message is one clear sentence for the user (naming the query, file or line);
/// <see cref="Unreachable"/> tells a source that could not be reached or kept failing (exit code 2) from bad input
/// (exit code 1).
/// </summary>
public sealed class HistorySourceException : Exception
{
    public HistorySourceException()
    {
    }

    public HistorySourceException(string message)
        : base(message)
    {
    }

    public HistorySourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HistorySourceException(string message, bool unreachable, Exception? innerException = null)
        : base(message, innerException)
    {
        Unreachable = unreachable;
    }

    /// <summary>True when the source could not be reached, timed out or kept answering errors.</summary>
    public bool Unreachable { get; }
}
