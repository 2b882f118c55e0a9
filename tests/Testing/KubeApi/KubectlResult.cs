namespace RightSizer.Testing.KubeApi;

/// <summary>What a kubectl run printed and how it exited.</summary>
public sealed record KubectlResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}
