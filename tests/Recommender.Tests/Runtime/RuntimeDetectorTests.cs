using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Runtime;

namespace RightSizer.Recommender.Tests.Runtime;

public sealed class RuntimeDetectorTests
{
    private static ContainerRuntimeHints Hints(string? image, string[]? command = null, string[]? args = null, params string[] env) =>
        new(image, command ?? [], args ?? [], env.ToDictionary(e => e, _ => "x", StringComparer.Ordinal));

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(RuntimeKind.Auto, Hints("eclipse-temurin:21-jre")).Returns(RuntimeKind.JVM).SetName("Detect_TemurinImage_Jvm"),
        new TestCaseData(RuntimeKind.Auto, Hints("registry.example/team/openjdk17-app:1.2")).Returns(RuntimeKind.JVM).SetName("Detect_OpenJdkInImageName_Jvm"),
        new TestCaseData(RuntimeKind.Auto, Hints("app:1", ["/usr/bin/java", "-jar", "app.jar"])).Returns(RuntimeKind.JVM).SetName("Detect_JavaCommand_Jvm"),
        new TestCaseData(RuntimeKind.Auto, Hints("app:1", null, null, "JAVA_TOOL_OPTIONS")).Returns(RuntimeKind.JVM).SetName("Detect_JavaToolOptionsEnv_Jvm"),
        new TestCaseData(RuntimeKind.Auto, Hints("mcr.microsoft.com/dotnet/aspnet:10.0")).Returns(RuntimeKind.DotNet).SetName("Detect_DotNetImage_DotNet"),
        new TestCaseData(RuntimeKind.Auto, Hints("app:1", ["dotnet", "App.dll"])).Returns(RuntimeKind.DotNet).SetName("Detect_DotnetCommand_DotNet"),
        new TestCaseData(RuntimeKind.Auto, Hints("app:1", null, null, "ASPNETCORE_URLS")).Returns(RuntimeKind.DotNet).SetName("Detect_AspNetCoreEnv_DotNet"),
        new TestCaseData(RuntimeKind.Auto, Hints("nginx:1.27", ["nginx", "-g", "daemon off;"])).Returns(RuntimeKind.None).SetName("Detect_Nginx_None"),
        new TestCaseData(RuntimeKind.Auto, Hints("app:1", ["/bin/javascript-runner"])).Returns(RuntimeKind.None).SetName("Detect_ProgramMerelyStartingWithJava_None"),
        new TestCaseData(RuntimeKind.Auto, null).Returns(RuntimeKind.None).SetName("Detect_NoHints_None"),
        new TestCaseData(RuntimeKind.DotNet, Hints("eclipse-temurin:21")).Returns(RuntimeKind.DotNet).SetName("Detect_PolicyNamesRuntime_PolicyWins"),
        new TestCaseData(RuntimeKind.None, Hints("eclipse-temurin:21")).Returns(RuntimeKind.None).SetName("Detect_PolicySaysNone_None"),
    ];

    [TestCaseSource(nameof(Cases))]
    public RuntimeKind Detect_Table(RuntimeKind policy, ContainerRuntimeHints? hints) => RuntimeDetector.Detect(policy, hints);
}
