using System.CommandLine;
using RightSizer.Operator.Crd;

namespace RightSizer.Operator.Cli;

/// <summary>
/// <c>rightsizer generate crd</c> and <c>generate cli-docs</c>: the artifacts generated from the code (the MemoryPolicy
/// CRD from the C# types, the flag reference from the command tree), committed and verified by tests.
/// </summary>
public static class GenerateCommand
{
    public const string DefaultCrdPath = "config/crds/rightsizer.io_memorypolicies.yaml";

    public const string DefaultCliDocsPath = "docs/cli-reference.md";

    /// <param name="root">The command tree the flag reference describes.</param>
    public static Command Create(Func<RootCommand> root)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the CRD; - for stdout.",
            DefaultValueFactory = _ => DefaultCrdPath,
        };
        var crd = new Command("crd", "Write the MemoryPolicy CustomResourceDefinition (structural schema, status subresource, printer columns).");
        crd.Options.Add(output);
        crd.SetAction((parse, cancellationToken) => WriteAsync(parse, parse.GetValue(output)!, CrdYaml.MemoryPolicy(), cancellationToken));

        var docsOutput = new Option<string>("--output", "-o")
        {
            Description = "Where to write the reference; - for stdout.",
            DefaultValueFactory = _ => DefaultCliDocsPath,
        };
        var cliDocs = new Command("cli-docs", "Write the Markdown reference of every command and flag (docs/cli-reference.md).");
        cliDocs.Options.Add(docsOutput);
        cliDocs.SetAction((parse, cancellationToken) => WriteAsync(parse, parse.GetValue(docsOutput)!, CliReference.Render(root()), cancellationToken));

        var generate = new Command("generate", "Generate artifacts from the code.");
        generate.Subcommands.Add(crd);
        generate.Subcommands.Add(cliDocs);
        return generate;
    }

    private static async Task<int> WriteAsync(ParseResult parse, string path, string content, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            await parse.InvocationConfiguration.Output.WriteAsync(content);
            return ExitCodes.Ok;
        }

        if (Directory.Exists(path))
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: -o {path}: is a directory; give a file path (or - for stdout)");
            return ExitCodes.InputError;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: -o {path}: {e.Message}");
            return ExitCodes.InputError;
        }

        await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {path}");
        return ExitCodes.Ok;
    }
}
