using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Policy;
using RightSizer.Webhooks.Validation;

namespace RightSizer.Operator.Cli;

/// <summary>Reads and validates MemoryPolicy files for the CLI, turning every problem into a one-line input error.</summary>
public static class PolicyFile
{
    /// <summary>All policies in the file, each with the problems the validator found (empty when valid).</summary>
    public static IReadOnlyList<(V1alpha1MemoryPolicy Policy, IReadOnlyList<ValidationProblem> Problems)> LoadAll(string path)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MemoryPolicyYaml.MaxBytes)
            {
                throw new CliInputException($"{path}: larger than {MemoryPolicyYaml.MaxBytes / (1024 * 1024)} MiB, the most the API server accepts");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: {e.Message}");
        }

        try
        {
            return [.. MemoryPolicyYaml.Load(text, path).Select(p => (p, MemoryPolicyValidation.Validate(p)))];
        }
        catch (PolicyFormatException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    /// <summary>The one valid policy the file holds.</summary>
    public static V1alpha1MemoryPolicy LoadSingle(string path)
    {
        var policies = LoadAll(path);
        if (policies.Count != 1)
        {
            throw new CliInputException($"{path}: expected one MemoryPolicy, found {policies.Count}");
        }

        var (policy, problems) = policies[0];
        if (problems.Count > 0)
        {
            var name = policy.Metadata.Name ?? "(unnamed)";
            throw new CliInputException(string.Join(Environment.NewLine, problems.Select(problem => $"{path}: {name}: {problem}")));
        }

        return policy;
    }
}
