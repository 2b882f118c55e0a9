using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Cli;

namespace RightSizer.Operator.Tests.Cli;

/// <summary>Runs the rightsizer command tree in-process with captured output, as a user's shell would.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.InvokeAsync(args, new FakeTimeProvider(Now), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
