using System.IO.Compression;
using System.Text;

namespace RightSizer.Operator.Tests.Export;

/// <summary>
/// The bundled sample history and a kustomize base with a Deployment for each of its series (a bare series id is
/// exported as the Deployment of that name in <c>default</c>), each with a CPU request the patches must keep.
/// </summary>
internal static class SampleWorkloads
{
    public static string History => RepositoryRoot.File("samples", "history", "bitbrains-rnd-sample.csv.gz");

    public static IReadOnlyList<string> SeriesIds()
    {
        using var file = File.OpenRead(History);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        reader.ReadLine();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            ids.Add(line[..line.IndexOf(',', StringComparison.Ordinal)]);
        }

        return [.. ids];
    }

    /// <summary>Writes <c>workloads.yaml</c> and a kustomization listing it into <paramref name="folder"/>.</summary>
    public static void WriteBase(string folder)
    {
        Directory.CreateDirectory(folder);
        var yaml = new StringBuilder();
        foreach (var id in SeriesIds())
        {
            yaml.Append($"""
                ---
                # {id}: a service of the sample
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {id}
                  namespace: default
                spec:
                  selector:
                    matchLabels:
                      app: {id}
                  template:
                    metadata:
                      labels:
                        app: {id}
                    spec:
                      containers:
                      - name: sidecar
                        image: envoy
                      - name: {id}
                        image: registry.example/{id}:1
                        resources:
                          requests:
                            cpu: 100m

                """);
        }

        File.WriteAllText(Path.Combine(folder, "workloads.yaml"), yaml.ToString());
        File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources:\n- workloads.yaml\n");
    }
}
