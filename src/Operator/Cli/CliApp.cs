using System.CommandLine;
using System.CommandLine.Help;

namespace RightSizer.Operator.Cli;

/// <summary>The rightsizer command tree. Each command lives in its own file and is added here.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var root = new RootCommand("RightSizer right-sizes Kubernetes container memory from its usage history.");
        root.Subcommands.Add(RecommendCommand.Create(timeProvider));
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create(() => CreateRootCommand(timeProvider)));
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(OperatorCommand.Create(timeProvider));
        return root;
    }

    /// <summary>
    /// Parses and runs one command line the way docs/cli.md promises: a flag error is one <c>error:</c> line on stderr
    /// (with the command's help hint) and exit code 1, never the whole help on stdout; <c>--help</c> still prints help.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = CreateRootCommand(timeProvider).Parse(args);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;
        parse.InvocationConfiguration.EnableDefaultExceptionHandler = false;

        // SIGTERM cancels the command; the operator drains in-flight reconciles for its grace period before exiting.
        parse.InvocationConfiguration.ProcessTerminationTimeout = Hosting.OperatorDefaults.ShutdownGrace + TimeSpan.FromSeconds(5);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            var command = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Append(parse.CommandResult.Command).Select(c => c.Name));
            var problem = parse.CommandResult.Command is RootCommand && args.Length == 0
                ? "no command given"
                : CliErrors.Describe(parse.Errors[0].Message);
            await error.WriteLineAsync($"error: {problem}; run '{command} --help' for usage");
            return ExitCodes.InputError;
        }

        try
        {
            return await parse.InvokeAsync();
        }
        catch (IOException e)
        {
            // Writing the result failed (a full disk, a closed pipe): say so instead of a stack trace.
            await error.WriteLineAsync($"error: cannot write the output: {e.Message}");
            return ExitCodes.InputError;
        }
    }
}
