namespace RightSizer.Operator.Cli;

/// <summary>Bad flags or input files: the message is printed as is and the command exits with 1.</summary>
public sealed class CliInputException(string message) : Exception(message);
