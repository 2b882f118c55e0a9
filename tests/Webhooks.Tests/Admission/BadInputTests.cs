using System.Text;
using System.Text.Json.Nodes;
using RightSizer.Testing.Builders;
using RightSizer.Webhooks.Admission;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;
using static RightSizer.Webhooks.Tests.Admission.ReviewExchange;

namespace RightSizer.Webhooks.Tests.Admission;

/// <summary>Hostile or broken requests: each gets a well-formed AdmissionReview, pods are always admitted, nothing crashes.</summary>
public sealed class BadInputTests
{
    private WebhookServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var cache = new InMemoryAdmissionCache();
        cache.Policies.Add(MemoryPolicy().ForLabels(("app", "web")).Recommend("app", "300Mi", "600Mi").Build());
        _server = await WebhookServer.StartAsync(cache);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static JsonObject ValidReview() =>
        AdmissionReviewBuilder.ForPod(Pod().Named("p1").WithLabel("app", "web").WithContainer("app").Build(), uid: "bad-1");

    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return Row("Post_EmptyBody_AdmittedWithoutUid", [], "invalid-json");
        yield return Row("Post_InvalidJson_Admitted", "{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\""u8.ToArray(), "invalid-json");
        yield return Row("Post_TenMebibyteBody_AdmittedUnread", Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"), "body-too-large");
        yield return Row("Post_DeeplyNestedJson_Admitted", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)), "invalid-json");
        yield return Row("Post_WrongApiVersion_Admitted", Edit(r => r["apiVersion"] = "admission.k8s.io/v1beta1"), "invalid-review", "bad-1");
        yield return Row("Post_NotAReview_Admitted", Edit(r => r["kind"] = "Pod"), "invalid-review", "bad-1");
        yield return Row("Post_WrongKind_AdmittedUnchanged", Edit(r => r["request"]!["kind"]!["kind"] = "Secret"), "unknown-kind", "bad-1");
        yield return Row("Post_MissingUid_Admitted", Edit(r => r["request"]!.AsObject().Remove("uid")), "missing-uid");
        yield return Row("Post_ContainersNull_Admitted", Edit(r => r["request"]!["object"]!["spec"]!["containers"] = null), null, "bad-1");
        yield return Row("Post_ContainersNotAnArray_Admitted", Edit(r => r["request"]!["object"]!["spec"]!["containers"] = "app"), "malformed-pod", "bad-1");
        yield return Row("Post_ObjectMissing_Admitted", Edit(r => r["request"]!.AsObject().Remove("object")), "malformed-pod", "bad-1");
        yield return Row("Post_AbsurdQuantities_AdmittedAndPatchable", Edit(r =>
            r["request"]!["object"]!["spec"]!["containers"]![0]!["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["memory"] = "99999999999999999999999Ei" },
                ["limits"] = new JsonObject { ["memory"] = "-5e99" },
            }), null, "bad-1");
        yield return Row("Post_UnicodeAndLongNames_Admitted", Edit(r =>
        {
            r["request"]!["object"]!["metadata"]!["name"] = "pöd-🚀-" + new string('n', 5000);
            r["request"]!["object"]!["spec"]!["containers"]![0]!["name"] = "äpp/~" + new string('c', 5000);
            r["request"]!["object"]!["metadata"]!["labels"]!["ключ/~"] = new string('v', 5000);
        }), null, "bad-1");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Post_BadBody_WellFormedAdmittingReview(byte[] body, string? expectedReason, string expectedUid)
    {
        var response = await PostAsync(_server.Client, WebhookDefaults.MutatePodPath, body);

        Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(response["uid"]!.GetValue<string>(), Is.EqualTo(expectedUid));
        if (expectedReason is { } reason)
        {
            Assert.That(Warnings(response), Has.Some.Contains($"({reason})"));
        }

        if (response["patch"] is not null)
        {
            var sent = JsonNode.Parse(body)!["request"]!["object"]!.AsObject();
            Assert.That(() => Pods.AppliedPatch.Apply(sent, Patch(response)), Throws.Nothing);
        }
    }

    [Test]
    public async Task Post_BadBodyToValidation_RefusedWithReview()
    {
        var response = await PostAsync(_server.Client, WebhookDefaults.ValidateMemoryPolicyPath, "not json"u8.ToArray());

        Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(response["status"]!["message"]!.GetValue<string>(), Does.StartWith("rightsizer: the request is not an AdmissionReview"));
    }

    private static TestCaseData Row(string name, byte[] body, string? reason, string uid = "") =>
        new TestCaseData(body, reason, uid).SetName(name);

    private static byte[] Edit(Action<JsonObject> edit)
    {
        var review = ValidReview();
        edit(review);
        return Encoding.UTF8.GetBytes(review.ToJsonString());
    }
}
