namespace RightSizer.Recommender.Policy;

/// <summary>
/// A policy file is not YAML or not a MemoryPolicy. Each of <see cref="Problems"/> is one line naming the file and
/// line; the message is those lines.
/// </summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException()
    {
        Problems = [];
    }

    public PolicyFormatException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public PolicyFormatException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
