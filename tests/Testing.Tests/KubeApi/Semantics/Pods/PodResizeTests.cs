using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Pods;

public sealed class PodResizeTests
{
    private static JsonObject Pod(string resources, string qos = "Burstable", string resizePolicy = "[]") => JsonNode.Parse($$$"""
        {"metadata":{"name":"p","labels":{"a":"1"}},
         "spec":{"containers":[{"name":"app","image":"nginx","resizePolicy":{{{resizePolicy}}},"resources":{{{resources}}}}]},
         "status":{"qosClass":"{{{qos}}}"}}
        """)!.AsObject();

    private const string Burstable = """{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""";

    [Test]
    public void DropNonResizeUpdates_OtherChanges_Ignored()
    {
        var updated = Pod("""{"requests":{"cpu":"200m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""");
        updated["spec"]!["containers"]![0]!["image"] = "nginx:evil";
        updated["metadata"]!["labels"]!["a"] = "2";

        var resized = PodResize.DropNonResizeUpdates(Pod(Burstable), updated);

        Assert.Multiple(() =>
        {
            Assert.That(resized["spec"]!["containers"]![0]!["image"]!.GetValue<string>(), Is.EqualTo("nginx"));
            Assert.That(resized["metadata"]!["labels"]!["a"]!.GetValue<string>(), Is.EqualTo("1"));
            Assert.That(resized["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>(), Is.EqualTo("200m"));
        });
    }

    private static readonly TestCaseData[] Refusals =
    [
        new TestCaseData(Burstable, "Burstable", """{"requests":{"cpu":"500m","memory":"512Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""", 33,
            "spec: Invalid value: \"Burstable\": Pod QOS Class may not change as a result of resizing").SetName("Validate_BurstableToGuaranteed_Refused"),
        new TestCaseData(Burstable, "Burstable", """{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m"}}""", 35,
            "spec.containers[0].resources.limits: Forbidden: resource limits cannot be removed").SetName("Validate_LimitRemoved_Refused"),
        new TestCaseData(Burstable, "Burstable", """{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"384Mi"}}""", 33,
            "spec.containers[0].resources.limits[memory]: Forbidden: memory limits cannot be decreased unless resizePolicy is RestartContainer").SetName("Validate_MemoryLimitDecreaseOn133_Refused"),
        new TestCaseData(Burstable, "Burstable", """{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"384Mi"}}""", 32,
            "spec.containers[0].resources.limits[memory]: Forbidden: memory limits cannot be decreased unless resizePolicy is RestartContainer").SetName("Validate_MemoryLimitDecreaseOn132_Refused"),
        new TestCaseData(Burstable, "Burstable", """{"requests":{"cpu":"600m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""", 35,
            "spec.containers[0].resources.requests: Invalid value: \"600m\": must be less than or equal to cpu limit of 500m").SetName("Validate_RequestAboveLimit_Refused"),
    ];

    [TestCaseSource(nameof(Refusals))]
    public void Validate_Refusals_Table(string before, string qos, string after, int minor, string expected)
    {
        var old = Pod(before, qos);

        var errors = PodResize.Validate(old, PodResize.DropNonResizeUpdates(old, Pod(after, qos)), minor).Select(e => e.ToString());

        Assert.That(errors, Does.Contain(expected));
    }

    [Test]
    public void Validate_MemoryLimitDecreaseOn135_Allowed()
    {
        var old = Pod(Burstable);

        var errors = PodResize.Validate(old, PodResize.DropNonResizeUpdates(old, Pod("""{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"384Mi"}}""")), 35);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Validate_MemoryLimitDecreaseWithRestartContainer_AllowedOn133()
    {
        const string policy = """[{"resourceName":"memory","restartPolicy":"RestartContainer"}]""";
        var old = Pod(Burstable, resizePolicy: policy);

        var errors = PodResize.Validate(old, PodResize.DropNonResizeUpdates(old, Pod("""{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"384Mi"}}""", resizePolicy: policy)), 33);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Resize_QosChange_422AsTheServerWritesIt()
    {
        var old = Pod("""{"requests":{"cpu":"500m","memory":"512Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""", "Guaranteed");

        var status = Assert.Throws<ApiStatusException>(() => PodResize.Resize(old, Pod("""{"requests":{"cpu":"250m","memory":"512Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}""", "Guaranteed"), 33))!.Status;

        Assert.That(status.Message, Is.EqualTo("Pod \"p\" is invalid: spec: Invalid value: \"Guaranteed\": Pod QOS Class may not change as a result of resizing"));
    }

    private static readonly TestCaseData[] Classes =
    [
        new TestCaseData("{}", PodQos.BestEffort).SetName("Of_NoResources_BestEffort"),
        new TestCaseData("""{"requests":{"memory":"1Gi"}}""", PodQos.Burstable).SetName("Of_RequestOnly_Burstable"),
        new TestCaseData("""{"requests":{"cpu":"1","memory":"1Gi"},"limits":{"cpu":"1","memory":"1Gi"}}""", PodQos.Guaranteed).SetName("Of_EqualRequestsAndLimits_Guaranteed"),
        new TestCaseData("""{"limits":{"cpu":"1","memory":"1Gi"}}""", PodQos.Guaranteed).SetName("Of_LimitsOnly_Guaranteed"),
        new TestCaseData("""{"limits":{"memory":"1Gi"}}""", PodQos.Burstable).SetName("Of_MemoryLimitOnly_Burstable"),
    ];

    [TestCaseSource(nameof(Classes))]
    public void Of_Table(string resources, string expected) => Assert.That(PodQos.Of(Pod(resources)), Is.EqualTo(expected));
}
