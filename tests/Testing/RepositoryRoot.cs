namespace RightSizer.Testing;

/// <summary>Finds the repository root (the folder holding RightSizer.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "RightSizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RightSizer.sln not found above the test directory.");
    }
}
