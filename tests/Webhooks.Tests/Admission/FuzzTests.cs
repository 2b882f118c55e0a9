using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RightSizer.Testing.Builders;
using RightSizer.Testing.Fuzzing;
using RightSizer.Webhooks.Admission;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;
using static RightSizer.Webhooks.Tests.Admission.ReviewExchange;

namespace RightSizer.Webhooks.Tests.Admission;

/// <summary>
/// Thousands of reviews mutated from valid ones with a fixed seed, over HTTPS: every answer is a well-formed review
/// that admits the pod, and every patch applies to the pod as sent. RIGHTSIZER_FUZZ_ITERATIONS (make fuzz) runs longer.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261201;

    [Test]
    public async Task Post_MutatedReviews_AlwaysWellFormedAndAdmitting()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("RIGHTSIZER_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 2000;
        var cache = new InMemoryAdmissionCache();
        cache.ReplicaSets.Add(InMemoryAdmissionCache.OwnedReplicaSet("shop", "web-7d9f8c6b5", "web"));
        cache.Policies.Add(MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Recommend("side", "64Mi", "128Mi", DotNetHeap()).Build());
        await using var server = await WebhookServer.StartAsync(cache);
        var random = new Random(Seed);
        var seeds = new[]
        {
            Pod().OfDeployment("web").WithContainer("app", c => c.Env("JAVA_TOOL_OPTIONS", "-Dx=1").Requests("100Mi")).WithContainer("side", c => c.Limits("1Gi")).Build(),
            Pod().OfDeployment("web").WithInitContainer("side", c => c.Sidecar()).WithContainer("app", c => c.EmptyResources()).WithAnnotation("a/b", "c").Build(),
        };
        var patched = 0;

        for (var i = 0; i < iterations; i++)
        {
            var review = AdmissionReviewBuilder.ForPod(seeds[i % seeds.Length], uid: $"fuzz-{i}");
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                JsonMutator.Mutate(review, random);
            }

            var body = Encoding.UTF8.GetBytes(review.ToJsonString());
            if (random.Next(10) == 0)
            {
                body = body[..random.Next(body.Length)];
            }

            var response = await PostAsync(server.Client, WebhookDefaults.MutatePodPath, body);

            Assert.That(response["allowed"]!.GetValue<bool>(), Is.True, $"iteration {i}");
            if (response["patch"] is not null && review["request"]?["object"] is JsonObject pod)
            {
                Assert.That(() => Pods.AppliedPatch.Apply(pod, Patch(response)), Throws.Nothing, $"iteration {i}: {review.ToJsonString()}");
                patched++;
            }
        }

        Assert.That(patched, Is.GreaterThan(iterations / 20), "too few mutated reviews still reached the mutator");
    }
}
