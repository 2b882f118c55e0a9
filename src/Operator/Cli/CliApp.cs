using System.CommandLine;

namespace RightSizer.Operator.Cli;

/// <summary>The rightsizer command tree. Each command lives in its own file and is added here.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var root = new RootCommand("RightSizer right-sizes Kubernetes container memory from its usage history.");
        root.Subcommands.Add(RecommendCommand.Create(timeProvider));
        root.Subcommands.Add(ExportCommand.Create(timeProvider));
        root.Subcommands.Add(ReportCommand.Create(timeProvider));
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create(() => CreateRootCommand(timeProvider)));
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
