using RightSizer.Operator.Export;

namespace RightSizer.Operator.Cli.Export;

/// <summary>
/// Writes an export's files into its output folder: a file is rewritten only when its content changes (so an
/// unchanged run touches nothing), and files an earlier run wrote (they start with <see cref="ExportHeader.Line"/>)
/// that this run no longer writes are removed. Files a person wrote are never touched.
/// </summary>
public static class ExportFolder
{
    /// <returns>How many files were created, changed or removed.</returns>
    public static int Write(string folder, IReadOnlyList<ExportFile> files)
    {
        Directory.CreateDirectory(folder);
        var changes = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.RelativePath);
            if (File.Exists(path) && File.ReadAllText(path) == file.Content)
            {
                continue;
            }

            File.WriteAllText(path, file.Content);
            changes++;
        }

        var written = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder).Where(f => !written.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            if (ExportHeader.Marks(ReadStart(stale)))
            {
                File.Delete(stale);
                changes++;
            }
        }

        return changes;
    }

    private static string ReadStart(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[ExportHeader.Line.Length];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }
}
