using System.CommandLine;
using System.Globalization;
using RightSizer.Operator.Cli.Export;
using RightSizer.Operator.Cli.Inputs;
using RightSizer.Operator.Cli.Report;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer report</c>: the recommendations as one self-contained HTML page with a chart per container.</summary>
public static class ReportCommand
{
    public static Command Create(TimeProvider time)
    {
        var input = new RecommendationInput();
        var cluster = new ClusterInput();
        var output = new Option<FileInfo?>("--out") { Description = "HTML file to write (default: stdout)." };
        var baseFolder = new Option<DirectoryInfo?>("--base") { Description = "Folder of the workloads' manifests, read for the requests and limits of today." };

        var command = new Command(
            "report",
            "Write an HTML report: memory requested today against proposed, a sortable table of changes, a chart per container.\n" +
            "Source: a live run (--history or --prometheus-url), else the MemoryPolicies' status in the cluster (--kubeconfig, --context, -n, -A; no usage charts).\n" +
            "Exit codes: 0 ok, 1 input error (flags, files, policy), 2 data source unreachable.");
        input.AddTo(command);
        cluster.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(baseFolder);
        command.Options.Add(input.Stats);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return await InputErrors.ReportAsync(stderr, async () =>
            {
                var manifests = parse.GetValue(baseFolder) is { } folder
                    ? ManifestFiles.Scan(ManifestFiles.Find(folder.FullName)).Select(s => s.Manifest).ToList()
                    : null;
                IReadOnlyList<ReportEntry> entries;
                DateTimeOffset asOf;
                string source;
                if (input.Given(parse))
                {
                    if (cluster.Given(parse))
                    {
                        throw new CliInputException("--kubeconfig, --context and -A read the cluster; leave out --history and --prometheus-url");
                    }

                    var run = await input.RunAsync(parse, time, keepHistories: true, cancellationToken);
                    entries = ReportBuilder.From(run, manifests);
                    asOf = run.AsOf;
                    source = parse.GetValue(input.History) is { } history
                        ? "history file " + history.Name
                        : "Prometheus " + parse.GetValue(input.Prometheus.Url);
                }
                else
                {
                    var policies = await cluster.ReadAsync(parse, parse.GetValue(input.Scope.Namespaces) ?? [], cancellationToken);
                    asOf = time.GetUtcNow();
                    entries = PolicyStatusReport.From(policies, manifests, asOf);
                    source = "MemoryPolicy status in the cluster";
                }

                var html = HtmlReport.Write(entries, asOf, source);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, html, cancellationToken);
                    await stderr.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture, $"{entries.Count} containers; wrote {file} ({html.Length / 1024} KiB)"));
                }
                else
                {
                    await parse.InvocationConfiguration.Output.WriteAsync(html);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
