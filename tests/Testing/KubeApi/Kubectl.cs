using System.Diagnostics;

namespace RightSizer.Testing.KubeApi;

/// <summary>
/// Runs the real kubectl (installed by scripts/install-test-deps.sh) against a <see cref="LocalKubeApiServer"/> with the
/// server's kubeconfig and a cache directory of its own, so no discovery or version answer leaks between tests.
/// </summary>
public sealed class Kubectl
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _kubeconfig;
    private readonly string _cacheDirectory;

    public Kubectl(LocalKubeApiServer server)
    {
        _kubeconfig = server.KubeconfigPath;
        _cacheDirectory = Directory.CreateTempSubdirectory("kubectl-cache-").FullName;
    }

    /// <summary>Runs kubectl with these arguments; never throws on a non-zero exit.</summary>
    public Task<KubectlResult> RunAsync(params string[] args) => RunCoreAsync(null, args);

    /// <summary>Runs kubectl with <paramref name="stdin"/> as its standard input (for <c>-f -</c>).</summary>
    public Task<KubectlResult> RunWithInputAsync(string stdin, params string[] args) => RunCoreAsync(stdin, args);

    private async Task<KubectlResult> RunCoreAsync(string? stdin, string[] args)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new KubectlResult(-1, await stdout, await stderr + $"\nkubectl killed after {Deadline.TotalSeconds}s");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl and leaves it running (for <c>get -w</c>); the caller reads its output and kills it.</summary>
    public Process Start(string[] args, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        // The dispatcher refuses flags before the command name, so the global flags go last.
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add($"--kubeconfig={_kubeconfig}");
        start.ArgumentList.Add($"--cache-dir={_cacheDirectory}");

        start.Environment["KUBECONFIG"] = _kubeconfig;
        start.Environment["KUBECACHEDIR"] = _cacheDirectory;
        return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start; install package kubectl (scripts/install-test-deps.sh)");
    }
}
