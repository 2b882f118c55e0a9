using System.CommandLine;
using RightSizer.Operator.Crd;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer generate crd</c>: writes the MemoryPolicy CRD generated from the C# types.</summary>
public static class GenerateCommand
{
    public const string DefaultCrdPath = "config/crds/rightsizer.io_memorypolicies.yaml";

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the CRD; - for stdout.",
            DefaultValueFactory = _ => DefaultCrdPath,
        };
        var crd = new Command("crd", "Write the MemoryPolicy CustomResourceDefinition (structural schema, status subresource, printer columns).");
        crd.Options.Add(output);
        crd.SetAction(async (parse, cancellationToken) =>
        {
            var yaml = CrdYaml.MemoryPolicy();
            var path = parse.GetValue(output)!;
            if (path == "-")
            {
                await parse.InvocationConfiguration.Output.WriteAsync(yaml);
                return ExitCodes.Ok;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, yaml, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {path}");
            return ExitCodes.Ok;
        });

        var generate = new Command("generate", "Generate artifacts from the code.");
        generate.Subcommands.Add(crd);
        return generate;
    }
}
