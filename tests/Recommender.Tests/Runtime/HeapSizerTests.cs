using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Runtime;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Runtime;

public sealed class HeapSizerTests
{
    private static readonly Memory Limit = Memory.FromMiB(1024);

    private static readonly TestCaseData[] EnvCases =
    [
        new TestCaseData(RuntimeKind.JVM, 0.25, "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0", 768.0).SetName("Settings_Jvm25PercentHeadroom_MaxRamPercentage75"),
        new TestCaseData(RuntimeKind.JVM, 0.4, "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60.0", 614.4).SetName("Settings_Jvm40PercentHeadroom_MaxRamPercentage60"),
        new TestCaseData(RuntimeKind.DotNet, 0.25, "DOTNET_GCHeapHardLimitPercent", "0x4B", 768.0).SetName("Settings_DotNet75Percent_Hex4B"),
        new TestCaseData(RuntimeKind.DotNet, 0.7, "DOTNET_GCHeapHardLimitPercent", "0x1E", 307.2).SetName("Settings_DotNet30Percent_Hex1E"),
        new TestCaseData(RuntimeKind.DotNet, 0.0, "DOTNET_GCHeapHardLimitPercent", "0x5A", 921.6).SetName("Settings_DotNetNoHeadroom_ClampedTo90Percent"),
    ];

    [TestCaseSource(nameof(EnvCases))]
    public void Settings_Table(RuntimeKind runtime, double headroom, string variable, string value, double maxHeapMib)
    {
        var settings = HeapSizer.Settings(runtime, null, Limit, true, headroom, null)!;

        Assert.Multiple(() =>
        {
            Assert.That(settings.Env[variable], Is.EqualTo(value));
            Assert.That(settings.MaxHeap.Bytes / Traces.MiB, Is.EqualTo(maxHeapMib).Within(0.01));
        });
    }

    [Test]
    public void Settings_NoManagedRuntime_Null() =>
        Assert.That(HeapSizer.Settings(RuntimeKind.None, null, Limit, true, 0.25, null), Is.Null);

    [Test]
    public void Settings_ExplicitXmx_NotesThatItWins()
    {
        var hints = new ContainerRuntimeHints("eclipse-temurin:21", ["java"], ["-Xmx512m", "-jar", "app.jar"], new Dictionary<string, string>());

        var settings = HeapSizer.Settings(RuntimeKind.JVM, hints, Limit, true, 0.25, null)!;

        Assert.That(settings.Notes, Has.Some.Contains("explicit -Xmx"));
    }

    [Test]
    public void Settings_ExistingJavaToolOptions_Appended()
    {
        var hints = new ContainerRuntimeHints("app", [], [], new Dictionary<string, string> { ["JAVA_TOOL_OPTIONS"] = "-Dfile.encoding=UTF-8" });

        var settings = HeapSizer.Settings(RuntimeKind.JVM, hints, Limit, true, 0.25, null)!;

        Assert.That(settings.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-Dfile.encoding=UTF-8 -XX:MaxRAMPercentage=75.0"));
    }

    [Test]
    public void Measure_HeapPlusNonHeap_NeedsBoth()
    {
        // Heap peaks at 800 Mi (880 Mi with its 10% margin); the working set runs 300 Mi above the heap.
        var peaks = HeapSizer.Measure(Traces.Constant(800), Traces.Constant(1100))!;

        var settings = HeapSizer.Settings(RuntimeKind.JVM, null, peaks.Needed, true, 0.25, peaks)!;

        Assert.Multiple(() =>
        {
            Assert.That(peaks.Needed.Bytes / Traces.MiB, Is.EqualTo(1180));
            Assert.That(settings.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-XX:MaxRAMPercentage=74.0"));
        });
    }

    [Test]
    public void Measure_NoHeapSamples_Null() =>
        Assert.That(HeapSizer.Measure([], Traces.Constant(500)), Is.Null);

    [Test]
    public void Settings_MemoryCappedBelowMeasuredNeed_HeapShareOfTheCapAndNoted()
    {
        var peaks = HeapSizer.Measure(Traces.Constant(800), Traces.Constant(1100))!;

        var settings = HeapSizer.Settings(RuntimeKind.JVM, null, Limit, true, 0.25, peaks)!;

        Assert.Multiple(() =>
        {
            // 880 Mi of 1024 Mi is 85.9%, floored to 85.
            Assert.That(settings.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-XX:MaxRAMPercentage=85.0"));
            Assert.That(settings.Notes, Has.Some.Contains("below the 1.2Gi the measured peaks need"));
        });
    }
}
