using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>
/// A <c>metav1.Status</c> the server answers with; <see cref="ToJson"/> writes it field for field as the real server
/// does (empty details fields omitted, <c>code</c> last).
/// </summary>
public sealed record ApiStatus(int Code, string Status, string Reason, string Message)
{
    public string DetailsName { get; init; } = "";

    public string DetailsGroup { get; init; } = "";

    public string DetailsKind { get; init; } = "";

    public string DetailsUid { get; init; } = "";

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public int RetryAfterSeconds { get; init; }

    /// <summary>Whether the answer carries a <c>details</c> object (apimachinery sets it for some reasons even when empty).</summary>
    public bool HasDetails { get; init; }

    public JsonObject ToJson()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = Status,
        };
        if (Message.Length > 0)
        {
            status["message"] = Message;
        }

        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }

        var details = new JsonObject();
        AddIfSet(details, "name", DetailsName);
        AddIfSet(details, "group", DetailsGroup);
        AddIfSet(details, "kind", DetailsKind);
        AddIfSet(details, "uid", DetailsUid);
        if (Causes.Count > 0)
        {
            details["causes"] = new JsonArray([.. Causes.Select(CauseJson)]);
        }

        if (RetryAfterSeconds > 0)
        {
            details["retryAfterSeconds"] = RetryAfterSeconds;
        }

        if (details.Count > 0 || HasDetails)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    private static JsonObject CauseJson(StatusCause cause)
    {
        var json = new JsonObject();
        AddIfSet(json, "reason", cause.Reason);
        AddIfSet(json, "message", cause.Message);
        AddIfSet(json, "field", cause.Field);
        return json;
    }

    private static void AddIfSet(JsonObject json, string name, string value)
    {
        if (value.Length > 0)
        {
            json[name] = value;
        }
    }
}
