namespace RightSizer.Recommender.Policy;

/// <summary>A policy file is not YAML or not a MemoryPolicy; the message names the file and line.</summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException()
    {
    }

    public PolicyFormatException(string message)
        : base(message)
    {
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
