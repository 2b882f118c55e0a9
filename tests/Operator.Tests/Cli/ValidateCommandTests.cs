namespace RightSizer.Operator.Tests.Cli;

public sealed class ValidateCommandTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("rightsizer-validate-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Validate_EverySample_AcceptedWithExitZero()
    {
        var samples = Directory.GetFiles(RepositoryRoot.File("config", "samples"), "rightsizer_*.yaml");
        var args = samples.SelectMany(s => new[] { "-f", s }).Prepend("validate").ToArray();

        var (exit, output, _) = await CliRun.RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(samples.Length).And.All.EndsWith("ok (1 policy)"));
        });
    }

    [Test]
    public async Task Validate_InvalidPolicy_OneLinePerProblemExitOne()
    {
        var file = Write("bad.yaml", """
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: web}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              containers: [{containerName: app, minAllowed: 128Mi, maxAllowed: 64Mi}]
              recommendation: {requestPercentile: 120}
            """);

        var (exit, output, _) = await CliRun.RunAsync("validate", "-f", file);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
            {
                $"{file}: web: spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)",
                $"{file}: web: spec.recommendation.requestPercentile: must be in (0, 100] (got 120)",
            }));
        });
    }

    [Test]
    public async Task Validate_MissingFile_ClearErrorExitOne()
    {
        var missing = Path.Combine(_dir, "nope.yaml");

        var (exit, output, _) = await CliRun.RunAsync("validate", "-f", missing);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.StartWith(missing + ": ").And.Contain("nope.yaml"));
        });
    }

    [Test]
    public async Task Validate_NotAMemoryPolicy_NamesFileAndLine()
    {
        var file = Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", "-f", file);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output.Trim(), Is.EqualTo($"{file}:1: expected apiVersion rightsizer.io/v1alpha1 and kind MemoryPolicy, found v1 ConfigMap"));
        });
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
