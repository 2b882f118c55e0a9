namespace RightSizer.Operator.Cli.Inputs;

/// <summary>
/// Which kubeconfig file the cluster source reads, by kubectl's order: <c>--kubeconfig</c>, else the first existing
/// file of <c>$KUBECONFIG</c> (kubectl merges them; the cluster source reads the first), else <c>~/.kube/config</c>.
/// Pure: the environment and the file system come in.
/// </summary>
public static class KubeconfigLocation
{
    /// <exception cref="CliInputException">No kubeconfig file is found.</exception>
    public static string Resolve(string? flag, string? environment, string home, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (flag is not null)
        {
            return fileExists(flag) ? flag : throw new CliInputException($"--kubeconfig '{flag}': file not found");
        }

        var listed = (environment ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (listed.Length > 0)
        {
            return listed.FirstOrDefault(fileExists)
                ?? throw new CliInputException($"KUBECONFIG '{environment}': no such file");
        }

        var fallback = Path.Combine(home, ".kube", "config");
        return fileExists(fallback)
            ? fallback
            : throw new CliInputException($"no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create {fallback} (or read a live run with --history or --prometheus-url)");
    }
}
