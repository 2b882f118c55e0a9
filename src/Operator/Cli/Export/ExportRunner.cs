using RightSizer.Operator.Export;

namespace RightSizer.Operator.Cli.Export;

/// <summary>
/// The I/O half of <c>rightsizer export</c>: reads the manifests, plans, writes the chosen format and prints the
/// summary and what was left out on stderr. The planning and writing themselves are pure (see the Export namespace).
/// </summary>
public static class ExportRunner
{
    public static async Task RunAsync(
        ExportRequest request,
        IReadOnlyList<ContainerProposal> proposals,
        IReadOnlyList<string> unpatchable,
        TextWriter stdout,
        TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stderr);
        var manifestFolder = request.Manifests ?? request.Base;
        var files = manifestFolder is null ? [] : ManifestFiles.Find(manifestFolder);
        var scanned = manifestFolder is null ? null : ManifestFiles.Scan(files);
        var plan = ExportPlanner.Plan(proposals, scanned?.Select(s => s.Manifest).ToList(), request.MinChange);

        var notes = new List<string>(unpatchable);
        notes.AddRange(plan.Skipped);
        string written;
        if (request.Manifests is not null)
        {
            var changed = 0;
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file);
                var rewrite = ManifestRewriter.Rewrite(text, plan.Patches);
                notes.AddRange(rewrite.Warnings);
                if (rewrite.Text != text)
                {
                    await File.WriteAllTextAsync(file, rewrite.Text);
                    changed++;
                }
            }

            written = $"{changed} file{(changed == 1 ? string.Empty : "s")} rewritten under {request.Manifests}";
        }
        else
        {
            var resources = request.Base is null || request.Out is null
                ? []
                : new[] { Path.GetRelativePath(request.Out, request.Base).Replace('\\', '/') };
            IReadOnlyList<ExportFile> output = request.Format switch
            {
                "json6902" => Json6902Writer.Write(plan, resources),
                "helm-values" => [HelmValuesWriter.Write(plan)],
                _ => KustomizeWriter.Write(plan, resources),
            };
            if (request.Out is null)
            {
                await stdout.WriteAsync(output[0].Content);
                written = "values on stdout";
            }
            else
            {
                var changes = ExportFolder.Write(request.Out, output);
                written = $"{changes} file{(changes == 1 ? string.Empty : "s")} changed in {request.Out}";
            }
        }

        foreach (var note in notes)
        {
            await stderr.WriteLineAsync("skipped: " + note);
        }

        await stderr.WriteLineAsync($"{ExportSummary.Format(plan)}; {written}");
    }
}
