using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

public sealed class AdmissionResponseVerifierTests
{
    private static readonly TestCaseData[] Invalid =
    [
        new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "webhook response was absent").SetName("Verify_NoResponse_Invalid"),
        new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"other","allowed":true}}""",
            "expected response.uid=\"u1\", got \"other\"").SetName("Verify_OtherUid_Invalid"),
        new TestCaseData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","response":{"uid":"u1","allowed":true}}""",
            "expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got admission.k8s.io/v1beta1, Kind=AdmissionReview").SetName("Verify_OtherVersion_Invalid"),
        new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u1","allowed":true,"patch":"W10="}}""",
            "webhook returned response.patch but not response.patchType").SetName("Verify_PatchWithoutType_Invalid"),
        new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u1","allowed":true,"patchType":"JSONPatch"}}""",
            "webhook returned response.patchType but not response.patch").SetName("Verify_TypeWithoutPatch_Invalid"),
    ];

    [TestCaseSource(nameof(Invalid))]
    public void Verify_Invalid_Table(string answer, string reason)
    {
        Assert.That(() => AdmissionResponseVerifier.Verify("w", "u1", mutating: true, JsonNode.Parse(answer)!.AsObject()),
            Throws.TypeOf<WebhookCallException>().With.Message.EqualTo("failed calling webhook \"w\": received invalid webhook response: " + reason));
    }

    [Test]
    public void Verify_ValidatingWebhookWithPatch_Invalid()
    {
        var answer = JsonNode.Parse("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u1","allowed":true,"patchType":"JSONPatch","patch":"W10="}}""")!.AsObject();

        Assert.That(() => AdmissionResponseVerifier.Verify("w", "u1", mutating: false, answer), Throws.TypeOf<WebhookCallException>().With.Message.Contains("validating webhook may not return response.patch"));
    }

    [Test]
    public void Verify_Base64Patch_Decoded()
    {
        var answer = JsonNode.Parse("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u1","allowed":true,"patchType":"JSONPatch","patch":"W3sib3AiOiAiYWRkIiwgInBhdGgiOiAiL3NwZWMvcmVwbGljYXMiLCAidmFsdWUiOiAzfV0="}}""")!.AsObject();

        var response = AdmissionResponseVerifier.Verify("w", "u1", mutating: true, answer);

        Assert.That(response.Patch!.ToJsonString(), Is.EqualTo("""[{"op":"add","path":"/spec/replicas","value":3}]"""));
    }
}
