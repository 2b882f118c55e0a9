using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

public sealed class MutatingWebhookDispatcherTests
{
    private const string AddLimits = """[{"op":"add","path":"/spec/containers/0/resources/limits","value":{"memory":"512Mi"}}]""";
    private const string AddMemoryUnderMissingLimits = """[{"op":"add","path":"/spec/containers/0/resources/limits/memory","value":"512Mi"}]""";

    private int uids;

    private MutatingWebhookDispatcher Dispatcher(IWebhookCaller caller) => new(caller, () => (++uids).ToString(CultureInfo.InvariantCulture));

    private static IReadOnlyList<RegisteredWebhook> Hooks(params JsonObject[] webhooks) => [.. webhooks.Select(w => new RegisteredWebhook("config", w))];

    private Task<WebhookDispatchResult> RunAsync(IWebhookCaller caller, IReadOnlyList<RegisteredWebhook> hooks, AdmissionAttributes? attributes = null, WebhookReinvocationState? state = null, bool reinvoke = false) =>
        Dispatcher(caller).DispatchAsync(hooks, attributes ?? WebhookFixtures.PodCreate(), null, null, state ?? new WebhookReinvocationState(), reinvoke, CancellationToken.None);

    [Test]
    public async Task DispatchAsync_PatchingWebhook_PatchAppliedAndWarningsKept()
    {
        var caller = new ScriptedWebhookCaller((_, review) => ScriptedWebhookCaller.Allow(review, AddLimits, "memory limit set by MemoryPolicy shop/web"));

        var result = await RunAsync(caller, Hooks(WebhookFixtures.Webhook("mutate.rightsizer.io")));

        Assert.Multiple(() =>
        {
            Assert.That(result.Object!["spec"]!["containers"]![0]!["resources"]!.ToJsonString(), Is.EqualTo("""{"limits":{"memory":"512Mi"}}"""));
            Assert.That(result.Warnings, Is.EqualTo(new[] { "memory limit set by MemoryPolicy shop/web" }));
        });
    }

    [Test]
    public void DispatchAsync_PatchThatDoesNotApplyUnderIgnore_FailsTheRequest()
    {
        var caller = new ScriptedWebhookCaller((_, review) => ScriptedWebhookCaller.Allow(review, AddMemoryUnderMissingLimits));
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io", ""","failurePolicy":"Ignore" """);

        var status = Assert.ThrowsAsync<ApiStatusException>(() => RunAsync(caller, Hooks(hook)))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(500));
            Assert.That(status.Message, Is.EqualTo("Internal error occurred: add operation does not apply: doc is missing path: \"/spec/containers/0/resources/limits/memory\": missing value"));
        });
    }

    [Test]
    public async Task DispatchAsync_CallFailsUnderIgnore_FailsOpen()
    {
        var caller = new ScriptedWebhookCaller((name, _) => throw new WebhookCallException(name, "failed to call webhook: Post \"https://x/mutate?timeout=10s\": connection refused"));
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io", ""","failurePolicy":"Ignore" """);

        var result = await RunAsync(caller, Hooks(hook));

        Assert.Multiple(() =>
        {
            Assert.That(result.Object!.ToJsonString(), Is.EqualTo(WebhookFixtures.ReplicaSetPod().ToJsonString()));
            Assert.That(result.AuditAnnotations.Values, Does.Contain("mutate.rightsizer.io"));
        });
    }

    [Test]
    public void DispatchAsync_CallFailsUnderFail_500NamingTheWebhook()
    {
        var caller = new ScriptedWebhookCaller((name, _) => throw new WebhookCallException(name, "failed to call webhook: Post \"https://x/mutate?timeout=10s\": connection refused"));

        var status = Assert.ThrowsAsync<ApiStatusException>(() => RunAsync(caller, Hooks(WebhookFixtures.Webhook("mutate.rightsizer.io"))))!.Status;

        Assert.That(status.Message, Is.EqualTo("Internal error occurred: failed calling webhook \"mutate.rightsizer.io\": failed to call webhook: Post \"https://x/mutate?timeout=10s\": connection refused"));
    }

    [Test]
    public void DispatchAsync_InvalidResponseUnderIgnore_Forgiven()
    {
        var caller = new ScriptedWebhookCaller((_, review) =>
        {
            var answer = ScriptedWebhookCaller.Allow(review);
            answer["response"]!["uid"] = "wrong";
            return answer;
        });
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io", ""","failurePolicy":"Ignore" """);

        Assert.DoesNotThrowAsync(() => RunAsync(caller, Hooks(hook)));
    }

    [Test]
    public void DispatchAsync_Denied_WebhookStatusWithPrefix()
    {
        var caller = new ScriptedWebhookCaller((_, review) =>
        {
            var answer = ScriptedWebhookCaller.Allow(review);
            answer["response"]!["allowed"] = false;
            answer["response"]!["status"] = new JsonObject { ["code"] = 403, ["message"] = "no memory policy" };
            return answer;
        });
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io", ""","failurePolicy":"Ignore" """);

        var status = Assert.ThrowsAsync<ApiStatusException>(() => RunAsync(caller, Hooks(hook)))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(403));
            Assert.That(status.Message, Is.EqualTo("admission webhook \"mutate.rightsizer.io\" denied the request: no memory policy"));
        });
    }

    [Test]
    public void DispatchAsync_DryRunWithSideEffects_400()
    {
        var caller = new ScriptedWebhookCaller((_, review) => ScriptedWebhookCaller.Allow(review));
        var hook = WebhookFixtures.Webhook("mutate.rightsizer.io");
        hook["sideEffects"] = "Some";

        var status = Assert.ThrowsAsync<ApiStatusException>(() => RunAsync(caller, Hooks(hook), WebhookFixtures.PodCreate(dryRun: true)))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(400));
            Assert.That(status.Message, Is.EqualTo("admission webhook \"mutate.rightsizer.io\" does not support dry run"));
            Assert.That(caller.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task DispatchAsync_IfNeededBeforeAChangingWebhook_ReinvokedInRoundTwo()
    {
        var caller = new ScriptedWebhookCaller((name, review) => name == "second"
            ? ScriptedWebhookCaller.Allow(review, """[{"op":"add","path":"/metadata/labels/second","value":"yes"}]""")
            : ScriptedWebhookCaller.Allow(review));
        var hooks = Hooks(WebhookFixtures.Webhook("first", ""","reinvocationPolicy":"IfNeeded" """), WebhookFixtures.Webhook("second"));
        var state = new WebhookReinvocationState();

        var round1 = await RunAsync(caller, hooks, state: state);
        var round2 = await RunAsync(caller, hooks, WebhookFixtures.PodCreate() with { Object = round1.Object }, state, reinvoke: true);

        Assert.Multiple(() =>
        {
            Assert.That(state.ShouldReinvoke, Is.True);
            Assert.That(round2.Called, Is.EqualTo(new[] { "first" }));
            Assert.That(caller.Calls.Last().Review["request"]!["object"]!["metadata"]!["labels"]!["second"]!.GetValue<string>(), Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task DispatchAsync_IfNeededWebhookChangingAlone_NotReinvokedForItsOwnChange()
    {
        var caller = new ScriptedWebhookCaller((_, review) => ScriptedWebhookCaller.Allow(review, AddLimits));
        var hooks = Hooks(WebhookFixtures.Webhook("only", ""","reinvocationPolicy":"IfNeeded" """));
        var state = new WebhookReinvocationState();

        var round1 = await RunAsync(caller, hooks, state: state);
        var round2 = await RunAsync(caller, hooks, WebhookFixtures.PodCreate() with { Object = round1.Object }, state, reinvoke: true);

        Assert.That(round2.Called, Is.Empty);
    }
}
