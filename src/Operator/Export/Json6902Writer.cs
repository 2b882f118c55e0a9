using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RightSizer.Operator.Export;

/// <summary>
/// <c>--format json6902</c>: one file of RFC 6902 operations per workload (YAML, one operation per item, each value
/// in JSON, which YAML reads as is; the evidence as comments) and a <c>kustomization.yaml</c> that targets each file
/// at its workload.
/// </summary>
public static class Json6902Writer
{
    public static IReadOnlyList<ExportFile> Write(ExportPlan plan, IReadOnlyList<string> resources)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(resources);
        var files = plan.Patches.Select(p => new ExportFile(PatchFileNames.For(p.Workload, ".yaml"), Write(p))).ToList();
        files.Add(new ExportFile(
            KustomizeWriter.KustomizationFile,
            KustomizeWriter.Kustomization(resources, files.Select(f => f.RelativePath), [.. plan.Patches.Select(p => p.Workload)])));
        return files;
    }

    public static string Write(WorkloadPatch patch)
    {
        var text = new StringBuilder();
        text.Append(ExportHeader.Line).Append('\n');
        YamlText.AppendComment(text, string.Empty, EvidenceComment.For(patch));
        foreach (var operation in Json6902Calculator.Calculate(patch))
        {
            text.Append("- op: ").Append(operation.Op).Append('\n');
            text.Append("  path: ").Append(YamlText.Quote(operation.Path)).Append('\n');
            text.Append("  value: ").Append(operation.Value.ToJsonString(JsonOptions)).Append('\n');
        }

        return text.ToString();
    }

    // Relaxed escaping keeps '+' in JVM options and non-ASCII names readable; the text goes to a file, not a page.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
