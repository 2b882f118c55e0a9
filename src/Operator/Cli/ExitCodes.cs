namespace RightSizer.Operator.Cli;

/// <summary>The exit codes of every rightsizer command, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad flags, an unreadable or invalid input file, an invalid policy.</summary>
    public const int InputError = 1;

    /// <summary>The data source (Prometheus) could not be reached or kept failing.</summary>
    public const int SourceUnreachable = 2;
}
