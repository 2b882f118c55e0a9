using System.CommandLine;
using RightSizer.Operator.Cli.Export;
using RightSizer.Operator.Cli.Inputs;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Cli;

/// <summary>
/// <c>rightsizer export</c>: recommendations as files to review and commit: kustomize patches, RFC 6902 patches, Helm
/// values, or the workloads' own manifests rewritten in place.
/// </summary>
public static class ExportCommand
{
    public static Command Create(TimeProvider time)
    {
        var input = new RecommendationInput();
        var cluster = new ClusterInput();
        var format = new Option<string>("--format") { Description = "kustomize, json6902 or helm-values.", DefaultValueFactory = _ => "kustomize" };
        format.AcceptOnlyFromAmong("kustomize", "json6902", "helm-values");
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder to write the patches and kustomization.yaml into (helm-values: stdout when absent)." };
        var baseFolder = new Option<DirectoryInfo?>("--base") { Description = "Folder of the workloads' manifests: read for container positions and today's values, and listed as the kustomization's resource." };
        var manifests = new Option<DirectoryInfo?>("--manifests") { Description = "Rewrite the memory of matching workloads in the YAML files under this folder, in place, keeping every other byte." };
        var minChange = new Option<string?>("--min-change") { Description = "Skip workloads whose request and limit move by less than this: a share (10%) or an amount (64Mi)." };

        var command = new Command(
            "export",
            "Write recommendations as patches to review and commit (kustomize, json6902, helm-values) or into manifests in place.\n" +
            "Source: a live run (--history or --prometheus-url), else the MemoryPolicies' status in the cluster (--kubeconfig, --context, -n, -A).\n" +
            "Exit codes: 0 ok, 1 input error (flags, files, policy), 2 data source unreachable.");
        input.AddTo(command);
        cluster.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(baseFolder);
        command.Options.Add(manifests);
        command.Options.Add(minChange);
        command.Options.Add(input.Stats);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return await InputErrors.ReportAsync(stderr, async () =>
            {
                var request = new ExportRequest(
                    parse.GetValue(format)!,
                    parse.GetValue(output)?.ToString(),
                    parse.GetValue(baseFolder)?.ToString(),
                    parse.GetValue(manifests)?.ToString(),
                    ParseMinChange(parse.GetValue(minChange)));
                request.Validate(parse.GetResult(format) is { Implicit: false });

                IReadOnlyList<ContainerProposal> proposals;
                IReadOnlyList<string> unpatchable;
                if (input.Given(parse))
                {
                    if (cluster.Given(parse))
                    {
                        throw new CliInputException("--kubeconfig, --context and -A read the cluster; leave out --history and --prometheus-url");
                    }

                    var run = await input.RunAsync(parse, time, keepHistories: true, cancellationToken);
                    (proposals, unpatchable) = RecommendationProposals.From(run.Recommendations, run.SettingsFor, run.Histories);
                }
                else
                {
                    var policies = await cluster.ReadAsync(parse, parse.GetValue(input.Scope.Namespaces) ?? [], cancellationToken);
                    (proposals, unpatchable) = PolicyStatusProposals.From(policies);
                }

                await ExportRunner.RunAsync(request, proposals, unpatchable, stdout, stderr);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static MinChange ParseMinChange(string? text)
    {
        try
        {
            return text is null ? MinChange.None : MinChange.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliInputException("--min-change " + e.Message);
        }
    }
}
