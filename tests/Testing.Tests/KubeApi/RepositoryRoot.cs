namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The repository's root folder (the one holding RightSizer.sln), found from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Of(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RightSizer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RightSizer.sln not found above " + AppContext.BaseDirectory);
    }
}
