using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>Writes JSON answers and Status errors (with Retry-After when the status asks clients to wait).</summary>
public static class ResponseWriter
{
    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString(GoJson.Options)), context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, ApiStatus status)
    {
        if (status.RetryAfterSeconds > 0)
        {
            context.Response.Headers.RetryAfter = status.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, status.Code, status.ToJson());
    }

    /// <summary>A warning as the real server sends it, which kubectl prints as <c>Warning: text</c>.</summary>
    public static void AddWarning(HttpContext context, string text) =>
        context.Response.Headers.Append("Warning", $"299 - \"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
}
