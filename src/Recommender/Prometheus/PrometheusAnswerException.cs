namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// An answer that could not be read off the wire (too large, corrupt gzip). Not an <see cref="HttpRequestException"/>,
/// so it is not retried: the same query would bring the same answer.
/// </summary>
public sealed class PrometheusAnswerException : IOException
{
    public PrometheusAnswerException()
    {
    }

    public PrometheusAnswerException(string message)
        : base(message)
    {
    }

    public PrometheusAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
