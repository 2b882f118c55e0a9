using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Admission;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Admission;

public sealed class ResourceQuotaAdmissionTests
{
    private static JsonObject Quota(string hard, string used) =>
        JsonNode.Parse($$$"""{"metadata":{"name":"mem-quota"},"spec":{"hard":{{{hard}}}},"status":{"hard":{{{hard}}},"used":{{{used}}}}}""")!.AsObject();

    private static JsonObject Pod(string resources) =>
        JsonNode.Parse("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"app","resources":""" + resources + "}]}}")!.AsObject();

    [Test]
    public void Admit_WithinQuota_UsageRaised()
    {
        var quota = Quota("""{"requests.memory":"2Gi","limits.memory":"4Gi"}""", """{"requests.memory":"1Gi","limits.memory":"1Gi"}""");

        var decision = ResourceQuotaAdmission.Admit(Pod("""{"requests":{"memory":"512Mi"},"limits":{"memory":"1Gi"}}"""), "p", [quota]);

        Assert.That(decision.UpdatedQuotas[0]["status"]!["used"]!.ToJsonString(), Is.EqualTo("""{"requests.memory":"1536Mi","limits.memory":"2Gi"}"""));
    }

    [Test]
    public void Admit_OverQuota_ForbiddenWithTheRealMessage()
    {
        var quota = Quota("""{"requests.memory":"1Gi","limits.memory":"4Gi"}""", """{"requests.memory":"768Mi","limits.memory":"1Gi"}""");

        var status = Assert.Throws<ApiStatusException>(() => ResourceQuotaAdmission.Admit(Pod("""{"requests":{"memory":"512Mi"},"limits":{"memory":"1Gi"}}"""), "p", [quota]))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(403));
            Assert.That(status.Reason, Is.EqualTo("Forbidden"));
            Assert.That(status.Message, Is.EqualTo("pods \"p\" is forbidden: exceeded quota: mem-quota, requested: requests.memory=512Mi, used: requests.memory=768Mi, limited: requests.memory=1Gi"));
        });
    }

    [Test]
    public void Admit_TrackedLimitUnset_ForbiddenMustSpecify()
    {
        var quota = Quota("""{"limits.memory":"4Gi"}""", """{"limits.memory":"0"}""");

        var status = Assert.Throws<ApiStatusException>(() => ResourceQuotaAdmission.Admit(Pod("""{"requests":{"memory":"512Mi"}}"""), "p", [quota]))!.Status;

        Assert.That(status.Message, Is.EqualTo("pods \"p\" is forbidden: failed quota: mem-quota: must specify limits.memory for: app"));
    }

    [Test]
    public void Usage_SucceededPod_CountsNothing()
    {
        var pod = Pod("""{"requests":{"memory":"512Mi"}}""");
        pod["status"] = new JsonObject { ["phase"] = "Succeeded" };

        Assert.That(ResourceQuotaAdmission.Usage(pod), Is.Empty);
    }
}
