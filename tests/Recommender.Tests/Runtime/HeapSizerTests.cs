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
        new TestCaseData(RuntimeKind.JVM, 0.25, "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0", 768.0).SetName("Size_Jvm25PercentHeadroom_MaxRamPercentage75"),
        new TestCaseData(RuntimeKind.JVM, 0.4, "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60.0", 614.4).SetName("Size_Jvm40PercentHeadroom_MaxRamPercentage60"),
        new TestCaseData(RuntimeKind.DotNet, 0.25, "DOTNET_GCHeapHardLimitPercent", "0x4B", 768.0).SetName("Size_DotNet75Percent_Hex4B"),
        new TestCaseData(RuntimeKind.DotNet, 0.7, "DOTNET_GCHeapHardLimitPercent", "0x1E", 307.2).SetName("Size_DotNet30Percent_Hex1E"),
        new TestCaseData(RuntimeKind.DotNet, 0.0, "DOTNET_GCHeapHardLimitPercent", "0x5A", 921.6).SetName("Size_DotNetNoHeadroom_ClampedTo90Percent"),
    ];

    [TestCaseSource(nameof(EnvCases))]
    public void Size_Table(RuntimeKind runtime, double headroom, string variable, string value, double maxHeapMib)
    {
        var (settings, needed) = HeapSizer.Size(runtime, null, Limit, true, headroom, [], Traces.Constant(500))!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(settings.Env[variable], Is.EqualTo(value));
            Assert.That(settings.MaxHeap.Bytes / Traces.MiB, Is.EqualTo(maxHeapMib).Within(0.01));
            Assert.That(needed, Is.EqualTo(Limit));
        });
    }

    [Test]
    public void Size_NoManagedRuntime_Null() =>
        Assert.That(HeapSizer.Size(RuntimeKind.None, null, Limit, true, 0.25, [], []), Is.Null);

    [Test]
    public void Size_ExplicitXmx_NotesThatItWins()
    {
        var hints = new ContainerRuntimeHints("eclipse-temurin:21", ["java"], ["-Xmx512m", "-jar", "app.jar"], new Dictionary<string, string>());

        var (settings, _) = HeapSizer.Size(RuntimeKind.JVM, hints, Limit, true, 0.25, [], [])!.Value;

        Assert.That(settings.Notes, Has.Some.Contains("explicit -Xmx"));
    }

    [Test]
    public void Size_ExistingJavaToolOptions_Appended()
    {
        var hints = new ContainerRuntimeHints("app", [], [], new Dictionary<string, string> { ["JAVA_TOOL_OPTIONS"] = "-Dfile.encoding=UTF-8" });

        var (settings, _) = HeapSizer.Size(RuntimeKind.JVM, hints, Limit, true, 0.25, [], [])!.Value;

        Assert.That(settings.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-Dfile.encoding=UTF-8 -XX:MaxRAMPercentage=75.0"));
    }

    [Test]
    public void Size_MeasuredHeapNeedsMore_MemoryGrowsToHeapPlusNonHeap()
    {
        // Heap peaks at 800 Mi (880 Mi with its 10% margin); the working set runs 300 Mi above the heap.
        var heap = Traces.Constant(800);
        var usage = Traces.Constant(1100);

        var (settings, needed) = HeapSizer.Size(RuntimeKind.JVM, null, Limit, true, 0.25, heap, usage)!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(needed.Bytes / Traces.MiB, Is.EqualTo(1180));
            Assert.That(settings.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-XX:MaxRAMPercentage=74.0"));
        });
    }
}
