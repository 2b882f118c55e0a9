using RightSizer.Operator.Export;

namespace RightSizer.Operator.Cli.Export;

/// <summary>What <c>rightsizer export</c> was asked to write, with the flag combinations checked before any work.</summary>
public sealed record ExportRequest(string Format, string? Out, string? Base, string? Manifests, MinChange MinChange)
{
    /// <param name="formatGiven">Whether <c>--format</c> was on the command line (not its default).</param>
    public void Validate(bool formatGiven)
    {
        if (Manifests is not null)
        {
            if (Out is not null || Base is not null || formatGiven)
            {
                throw new CliInputException("--manifests rewrites files in place: give it without --out, --base and --format");
            }

            return;
        }

        if (Out is null && Format != "helm-values")
        {
            throw new CliInputException($"--format {Format} writes several files: give --out DIR");
        }

        if (Format == "json6902" && Base is null)
        {
            throw new CliInputException("--format json6902 needs --base DIR: JSON patches address containers by position, which only the manifests know");
        }
    }
}
