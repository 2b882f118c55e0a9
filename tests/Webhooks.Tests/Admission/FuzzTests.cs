using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RightSizer.Testing.Builders;
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

    private static readonly JsonNode?[] Replacements =
    [
        null, true, 0, -1, 1e308, "", "0", "-1Gi", "1e19", "999Ei", "Mi", "🚀", "~/", new JsonArray(), new JsonObject(),
        new JsonArray(new JsonArray(new JsonArray((JsonNode?)null))), new JsonObject { ["memory"] = "1Gi" }, new string('x', 10_000),
    ];

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
                Mutate(review, random);
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

    // Picks a random node in the review and replaces, removes or duplicates it.
    private static void Mutate(JsonObject review, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(review, nodes);
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is not { } parent)
        {
            return;
        }

        var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
        switch (parent, random.Next(3))
        {
            case (JsonObject map, 0):
                map.Remove(target.GetPropertyName());
                break;
            case (JsonArray list, 0):
                list.Add(target.DeepClone());
                break;
            case (JsonObject map, _):
                map[target.GetPropertyName()] = replacement;
                break;
            case (JsonArray list, _):
                list[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        var children = node switch
        {
            JsonObject map => map.Select(p => p.Value),
            JsonArray list => list.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, nodes);
        }
    }
}
