using RightSizer.Operator.Cli;
using RightSizer.Operator.Cli.Inputs;

namespace RightSizer.Operator.Tests.Cli.Inputs;

public sealed class KubeconfigLocationTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home");
    private static readonly string HomeConfig = Path.Combine(Home, ".kube", "config");

    // Each row: --kubeconfig, $KUBECONFIG, the files that exist, the file read.
    private static readonly TestCaseData[] Found =
    [
        new TestCaseData("/a", "/b", new[] { "/a", "/b", HomeConfig }, "/a").SetName("Resolve_FlagGiven_FlagWins"),
        new TestCaseData(null, "/b", new[] { "/b", HomeConfig }, "/b").SetName("Resolve_EnvironmentGiven_EnvironmentBeforeHome"),
        new TestCaseData(null, $"/missing{Path.PathSeparator}/c", new[] { "/c" }, "/c").SetName("Resolve_EnvironmentList_FirstExisting"),
        new TestCaseData(null, null, new[] { HomeConfig }, HomeConfig).SetName("Resolve_NothingGiven_HomeConfig"),
        new TestCaseData(null, "", new[] { HomeConfig }, HomeConfig).SetName("Resolve_EmptyEnvironment_HomeConfig"),
    ];

    [TestCaseSource(nameof(Found))]
    public void Resolve_KubectlOrder_File(string? flag, string? environment, string[] existing, string expected) =>
        Assert.That(KubeconfigLocation.Resolve(flag, environment, Home, existing.Contains), Is.EqualTo(expected));

    private static readonly TestCaseData[] Missing =
    [
        new TestCaseData("/a", null, "--kubeconfig '/a': file not found").SetName("Resolve_FlagFileMissing_NamesIt"),
        new TestCaseData(null, "/b", "KUBECONFIG '/b': no such file").SetName("Resolve_EnvironmentFileMissing_NamesIt"),
        new TestCaseData(null, null, $"no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create {HomeConfig} (or read a live run with --history or --prometheus-url)").SetName("Resolve_NoneAnywhere_SaysWhatToDo"),
    ];

    [TestCaseSource(nameof(Missing))]
    public void Resolve_NoFile_ClearError(string? flag, string? environment, string message) =>
        Assert.That(() => KubeconfigLocation.Resolve(flag, environment, Home, _ => false), Throws.TypeOf<CliInputException>().With.Message.EqualTo(message));
}
