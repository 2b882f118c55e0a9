using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Admission;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Admission;

public sealed class LimitRangerTests
{
    private static JsonObject Range(string limits) => JsonNode.Parse("""{"kind":"LimitRange","metadata":{"name":"mem"},"spec":{"limits":[""" + limits + "]}}")!.AsObject();

    private static JsonObject Pod(string resources) =>
        JsonNode.Parse("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"app","resources":""" + resources + "}]}}")!.AsObject();

    [Test]
    public void Admit_ContainerWithoutResources_GetsDefaultsAndAnnotation()
    {
        var range = Range("""{"type":"Container","default":{"memory":"512Mi"},"defaultRequest":{"memory":"256Mi"}}""");

        var pod = LimitRanger.Admit(Pod("{}"), [range]);

        Assert.Multiple(() =>
        {
            Assert.That(pod["spec"]!["containers"]![0]!["resources"]!.ToJsonString(), Is.EqualTo("""{"limits":{"memory":"512Mi"},"requests":{"memory":"256Mi"}}"""));
            Assert.That(pod["metadata"]!["annotations"]![LimitRanger.Annotation]!.GetValue<string>(),
                Is.EqualTo("LimitRanger plugin set: memory request for container app; memory limit for container app"));
        });
    }

    [Test]
    public void Admit_OnlyDefaultLimit_RequestDefaultsToIt()
    {
        var pod = LimitRanger.Admit(Pod("{}"), [Range("""{"type":"Container","default":{"memory":"1Gi"}}""")]);

        Assert.That(pod["spec"]!["containers"]![0]!["resources"]!["requests"]!["memory"]!.GetValue<string>(), Is.EqualTo("1Gi"));
    }

    [Test]
    public void Admit_ExistingValues_KeptAsWritten()
    {
        var pod = LimitRanger.Admit(Pod("""{"limits":{"memory":"2Gi"},"requests":{"memory":"1Gi"}}"""), [Range("""{"type":"Container","default":{"memory":"512Mi"}}""")]);

        Assert.That(pod["spec"]!["containers"]![0]!["resources"]!.ToJsonString(), Is.EqualTo("""{"limits":{"memory":"2Gi"},"requests":{"memory":"1Gi"}}"""));
    }

    private static readonly TestCaseData[] Violations =
    [
        new TestCaseData("""{"type":"Container","max":{"memory":"1Gi"}}""", """{"limits":{"memory":"2Gi"},"requests":{"memory":"1Gi"}}""",
            "pods \"p\" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi").SetName("Validate_LimitAboveMax_Forbidden"),
        new TestCaseData("""{"type":"Container","max":{"memory":"1Gi"}}""", """{"requests":{"memory":"1Gi"}}""",
            "pods \"p\" is forbidden: maximum memory usage per Container is 1Gi.  No limit is specified").SetName("Validate_NoLimitUnderMax_Forbidden"),
        new TestCaseData("""{"type":"Container","min":{"memory":"128Mi"}}""", """{"requests":{"memory":"64Mi"}}""",
            "pods \"p\" is forbidden: minimum memory usage per Container is 128Mi, but request is 64Mi").SetName("Validate_RequestBelowMin_Forbidden"),
        new TestCaseData("""{"type":"Container","maxLimitRequestRatio":{"memory":"2"}}""", """{"limits":{"memory":"1Gi"},"requests":{"memory":"256Mi"}}""",
            "pods \"p\" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000").SetName("Validate_RatioAboveMax_Forbidden"),
        new TestCaseData("""{"type":"Pod","max":{"memory":"1Gi"}}""", """{"limits":{"memory":"2Gi"},"requests":{"memory":"1Gi"}}""",
            "pods \"p\" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 2Gi").SetName("Validate_PodLimitAboveMax_Forbidden"),
    ];

    [TestCaseSource(nameof(Violations))]
    public void Validate_Table(string limit, string resources, string message)
    {
        var status = Assert.Throws<ApiStatusException>(() => LimitRanger.Validate(Pod(resources), "p", [Range(limit)]))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(403));
            Assert.That(status.Message, Is.EqualTo(message));
        });
    }

    [Test]
    public void Validate_TwoViolations_Bracketed()
    {
        var range = Range("""{"type":"Container","max":{"memory":"1Gi"},"min":{"memory":"512Mi"}}""");

        var status = Assert.Throws<ApiStatusException>(() => LimitRanger.Validate(Pod("""{"limits":{"memory":"2Gi"},"requests":{"memory":"256Mi"}}"""), "p", [range]))!.Status;

        Assert.That(status.Message, Is.EqualTo("pods \"p\" is forbidden: [minimum memory usage per Container is 512Mi, but request is 256Mi, maximum memory usage per Container is 1Gi, but limit is 2Gi]"));
    }

    [Test]
    public void Validate_WithinBounds_Passes()
    {
        Assert.DoesNotThrow(() => LimitRanger.Validate(Pod("""{"limits":{"memory":"1Gi"},"requests":{"memory":"1Gi"}}"""), "p", [Range("""{"type":"Container","max":{"memory":"1Gi"}}""")]));
    }
}
