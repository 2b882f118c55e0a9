using System.CommandLine;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer validate -f FILE</c>: checks MemoryPolicy files with the rules the validating webhook uses.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Option<FileInfo[]>("--filename", "-f")
        {
            Description = "A MemoryPolicy YAML file (several documents allowed); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "validate",
            "Validate MemoryPolicy files: one line per problem.\nExit codes: 0 all valid, 1 a file is missing, unreadable or invalid.");
        command.Options.Add(files);
        command.SetAction(async (parse, _) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var valid = true;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                try
                {
                    var policies = PolicyFile.LoadAll(file.FullName);
                    var problems = policies.SelectMany(p => p.Problems.Select(problem => $"{file}: {p.Policy.Metadata.Name ?? "(unnamed)"}: {problem}")).ToList();
                    if (problems.Count == 0)
                    {
                        await stdout.WriteLineAsync($"{file}: ok ({policies.Count} {(policies.Count == 1 ? "policy" : "policies")})");
                        continue;
                    }

                    valid = false;
                    foreach (var line in problems)
                    {
                        await stdout.WriteLineAsync(line);
                    }
                }
                catch (CliInputException e)
                {
                    valid = false;
                    foreach (var line in e.Message.Split(Environment.NewLine))
                    {
                        await stdout.WriteLineAsync(line.StartsWith(file.FullName, StringComparison.Ordinal) ? file + line[file.FullName.Length..] : line);
                    }
                }
            }

            return valid ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
