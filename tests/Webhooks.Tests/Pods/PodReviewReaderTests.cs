using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.Builders;
using RightSizer.Testing.Fuzzing;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;
using static RightSizer.Testing.Builders.PodBuilder;

namespace RightSizer.Webhooks.Tests.Pods;

/// <summary>
/// The pod review reader takes reviews as the API server sends them and reads each exactly as the generated
/// serializer does; whatever it declines is left to that serializer, so it must never take a body the serializer
/// refuses or read one differently.
/// </summary>
public sealed class PodReviewReaderTests
{
    private static JsonObject Review(Action<JsonObject>? edit = null)
    {
        var review = AdmissionReviewBuilder.ForPod(Pod().OfDeployment("web")
            .WithAnnotation("a/b", "c")
            .WithContainer("app", c => c.Image("eclipse-temurin:21-jre").Env("JAVA_TOOL_OPTIONS", "-Dx=1").EnvFromSecret("TOKEN", "token").Args("-jar", "app.jar").Requests("200Mi", "250m").Limits("1Gi"))
            .WithInitContainer("proxy", c => c.Sidecar().Command("/proxy").EmptyResources())
            .Build());
        edit?.Invoke(review);
        return review;
    }

    private static IEnumerable<TestCaseData> Taken()
    {
        yield return Row("TryRead_ReviewAsSent_Taken", Review().ToJsonString());
        yield return Row("TryRead_UnknownMembersNestedDeep_Skipped", Review(r => r["request"]!["object"]!["status"] = JsonNode.Parse(new string('[', 40) + new string(']', 40))).ToJsonString());
        yield return Row("TryRead_ExplicitNulls_Absent", Review(r =>
        {
            r["request"]!["object"]!["spec"]!["containers"]![0]!["resources"] = null;
            r["request"]!["object"]!["metadata"]!["labels"] = null;
            r["request"]!["object"]!["spec"]!["initContainers"] = new JsonArray(null, new JsonObject { ["name"] = null });
        }).ToJsonString());
        yield return Row("TryRead_NullQuantity_KeptAsNull", Review(r => r["request"]!["object"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!["memory"] = null).ToJsonString());
        yield return Row("TryRead_EscapedNamesAndValues_Unescaped", Review().ToJsonString()
            .Replace("\"labels\"", "\"lab\\u0065ls\"", StringComparison.Ordinal).Replace("\"eclipse-temurin:21-jre\"", "\"eclipse\\u002Ftemurin\\\"21\"", StringComparison.Ordinal));
        yield return Row("TryRead_DuplicateMembers_LastWins", Review().ToJsonString()
            .Replace("\"uid\":", "\"uid\":\"first\",\"uid\":", StringComparison.Ordinal).Replace("\"app\":\"web\"", "\"app\":\"one\",\"app\":\"web\"", StringComparison.Ordinal));
        yield return Row("TryRead_UnicodeAndWhitespace_Taken", "\n " + Review(r => r["request"]!["object"]!["metadata"]!["labels"]!["ключ"] = "🚀").ToJsonString() + " \r\n");
    }

    [TestCaseSource(nameof(Taken))]
    public void TryRead_ReviewTheSerializerReads_TakenAndReadTheSame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        Assert.That(PodReviewReader.TryRead(body, out var review), Is.True);
        Assert.That(Written(review), Is.EqualTo(Written(JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.PodReview))));
    }

    private static IEnumerable<TestCaseData> Declined()
    {
        yield return Row("TryRead_EmptyBody_Declined", "");
        yield return Row("TryRead_RootNull_Declined", "null");
        yield return Row("TryRead_RootArray_Declined", "[]");
        yield return Row("TryRead_Truncated_Declined", Review().ToJsonString()[..200]);
        yield return Row("TryRead_TrailingContent_Declined", Review().ToJsonString() + "{}");
        yield return Row("TryRead_Comment_Declined", "/* x */" + Review().ToJsonString());
        yield return Row("TryRead_ContainersNotAnArray_Declined", Review(r => r["request"]!["object"]!["spec"]!["containers"] = "app").ToJsonString());
        yield return Row("TryRead_LabelNotAString_Declined", Review(r => r["request"]!["object"]!["metadata"]!["labels"]!["app"] = 1).ToJsonString());
        yield return Row("TryRead_LabelNull_Declined", Review(r => r["request"]!["object"]!["metadata"]!["labels"]!["app"] = null).ToJsonString());
        yield return Row("TryRead_ControllerNotABoolean_Declined", Review(r => r["request"]!["object"]!["metadata"]!["ownerReferences"]![0]!["controller"] = "yes").ToJsonString());
        yield return Row("TryRead_ValueFromNull_Declined", Review(r => r["request"]!["object"]!["spec"]!["containers"]![0]!["env"]![1]!["valueFrom"] = null).ToJsonString());
        yield return Row("TryRead_UidNotAString_Declined", Review(r => r["request"]!["uid"] = 7).ToJsonString());
        yield return Row("TryRead_NestedPastTheLimit_Declined", Review(r => r["request"]!["object"]!["status"] = JsonNode.Parse(new string('[', AdmissionLimits.MaxJsonDepth) + new string(']', AdmissionLimits.MaxJsonDepth))).ToJsonString());
    }

    [TestCaseSource(nameof(Declined))]
    public void TryRead_BodyOfAnotherShape_Declined(string json)
    {
        Assert.That(PodReviewReader.TryRead(Encoding.UTF8.GetBytes(json), out var review), Is.False);
        Assert.That(review, Is.Null);
    }

    [Test]
    public void TryRead_InvalidUtf8InALabel_Declined()
    {
        var body = Encoding.UTF8.GetBytes(Review(r => r["request"]!["object"]!["metadata"]!["labels"]!["app"] = "web-XX").ToJsonString());
        var at = body.AsSpan().IndexOf("web-XX"u8) + 4;
        body[at] = 0xFF;
        body[at + 1] = 0xFE;

        Assert.That(PodReviewReader.TryRead(body, out _), Is.False);
        Assert.That(() => JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.PodReview), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void TryRead_MutatedReviews_TakenOnlyWhenReadTheSame()
    {
        var random = new Random(20261203);
        var taken = 0;
        var declined = 0;
        for (var i = 0; i < 3000; i++)
        {
            var review = Review();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                JsonMutator.Mutate(review, random);
            }

            var body = Encoding.UTF8.GetBytes(review.ToJsonString());
            if (random.Next(10) == 0)
            {
                body = body[..random.Next(body.Length)];
            }

            if (PodReviewReader.TryRead(body, out var read))
            {
                taken++;
                Assert.That(Written(read), Is.EqualTo(Written(JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.PodReview))), $"iteration {i}: {Encoding.UTF8.GetString(body)}");
            }
            else
            {
                declined++;
            }
        }

        Assert.That(taken, Is.GreaterThan(1000), "too few mutated reviews were taken");
        Assert.That(declined, Is.GreaterThan(100), "too few mutated reviews were declined");
    }

    private static string Written(AdmissionReview<PodView>? review) => JsonSerializer.Serialize(review, AdmissionJsonContext.Default.PodReview);

    private static TestCaseData Row(string name, string json) => new TestCaseData(json).SetName(name);
}
