using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RightSizer.Webhooks.Tests.Admission;

/// <summary>Posts a body to a webhook and reads back the AdmissionReview, checking it is one.</summary>
internal static class ReviewExchange
{
    public static Task<JsonObject> PostAsync(HttpClient client, string path, JsonObject review) =>
        PostAsync(client, path, Encoding.UTF8.GetBytes(review.ToJsonString()));

    public static async Task<JsonObject> PostAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path + "?timeout=5s", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var review = JsonNode.Parse(text)!.AsObject();
        Assert.That(review["apiVersion"]!.GetValue<string>(), Is.EqualTo("admission.k8s.io/v1"));
        Assert.That(review["kind"]!.GetValue<string>(), Is.EqualTo("AdmissionReview"));
        Assert.That(review["response"]!["uid"]!.GetValue<string>(), Is.Not.Null);
        Assert.That(review["response"]!["allowed"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.True).Or.EqualTo(System.Text.Json.JsonValueKind.False));
        return review["response"]!.AsObject();
    }

    public static byte[] Patch(JsonObject response) => Convert.FromBase64String(response["patch"]!.GetValue<string>());

    public static string[] Warnings(JsonObject response) =>
        response["warnings"] is JsonArray warnings ? [.. warnings.Select(w => w!.GetValue<string>())] : [];
}
