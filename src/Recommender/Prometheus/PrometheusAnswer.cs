using System.Net;
using System.Text;
using System.Text.Json;
using RightSizer.Recommender.History;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Reads one answer of the Prometheus HTTP API into its data, or into the one <see cref="HistorySourceException"/>
/// that says what was wrong with it: Prometheus' own error, an HTML page, a redirect, a truncated or malformed body,
/// the wrong result type. Pure: no HTTP here, so every case is a table row.
/// </summary>
public static class PrometheusAnswer
{
    /// <summary>How much of a query an error message quotes.</summary>
    public const int QueryTextInErrors = 240;

    /// <param name="expectedResultType"><c>vector</c> for instant queries, <c>matrix</c> for range queries.</param>
    public static PrometheusResponse Read(PrometheusHttpAnswer answer, string expectedResultType, string query)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var status = (int)answer.Status;
        if (status is >= 300 and < 400)
        {
            throw Fail(
                $"Prometheus answered HTTP {status} {answer.Reason}, a redirect to {answer.Location?.ToString() ?? "nowhere"}: give the URL it points to (following it would turn the POST query into a GET)",
                unreachable: false,
                query);
        }

        var body = answer.Body;
        if (LooksLikeHtml(answer.MediaType, body))
        {
            throw Fail($"Prometheus answered HTTP {status} with an HTML page, not the Prometheus API (is the URL the API root, without /graph, and not a login page?)", unreachable: status >= 500, query);
        }

        if (status is < 200 or >= 300)
        {
            var error = TryParse(body);
            var reason = error?.Error is { Length: > 0 } message ? $"{error.ErrorType}: {message}" : $"HTTP {status} {answer.Reason}".TrimEnd();
            var failing = answer.Status is HttpStatusCode.TooManyRequests || status >= 500;
            throw Fail(
                $"Prometheus query failed (HTTP {status}{(answer.Retried ? ", after retries" : string.Empty)}): {reason}",
                unreachable: failing && error?.ErrorType is not ("bad_data" or "execution"),
                query);
        }

        PrometheusResponse? response;
        try
        {
            response = JsonSerializer.Deserialize<PrometheusResponse>(body);
        }
        catch (JsonException e)
        {
            var found = ResultTypeOf(body);
            throw Fail(
                found is not null && found != expectedResultType
                    ? $"Prometheus answered resultType '{found}' where '{expectedResultType}' was expected"
                    : $"Prometheus answered HTTP {status} with {Malformed(e, body)}",
                unreachable: false,
                query);
        }

        if (response is not { Status: "success", Data: not null })
        {
            var what = response is null ? "null" : response.Status == "success" ? "success without data" : $"status '{response.Status}'";
            throw Fail($"Prometheus answered HTTP {status} with {what}{(response?.Error is { Length: > 0 } error ? $": {response.ErrorType}: {error}" : string.Empty)}", unreachable: false, query);
        }

        if (response.Data.ResultType != expectedResultType)
        {
            throw Fail($"Prometheus answered resultType '{response.Data.ResultType}' where '{expectedResultType}' was expected", unreachable: false, query);
        }

        return response;
    }

    /// <summary>The first characters of a query, for messages.</summary>
    public static string Shorten(string query) =>
        query.Length <= QueryTextInErrors ? query : string.Concat(query.AsSpan(0, QueryTextInErrors), "…");

    private static HistorySourceException Fail(string message, bool unreachable, string query) =>
        new($"{message}; query: {Shorten(query)}", unreachable);

    private static bool LooksLikeHtml(string? mediaType, byte[] body)
    {
        if (mediaType is "text/html" or "application/xhtml+xml")
        {
            return true;
        }

        var start = body.AsSpan().TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }

    private static PrometheusResponse? TryParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<PrometheusResponse>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>data.resultType</c> of a body that did not deserialize, when it can be found.</summary>
    private static string? ResultTypeOf(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 2 } && reader.ValueTextEquals("resultType"u8) && reader.Read())
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before the result type: the caller describes the body instead.
        }

        return null;
    }

    /// <summary>What is wrong with a body the JSON reader refused: cut short, empty, or malformed at some byte.</summary>
    private static string Malformed(JsonException e, byte[] body)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return "an empty body";
        }

        // Prometheus writes its answer on one line, so the position in the line is the offset.
        var offset = e.LineNumber is 0 or null ? e.BytePositionInLine ?? 0 : -1;
        if (offset >= body.Length - 1 && e.Path is not null && e.InnerException is not FormatException)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a truncated JSON body ({body.Length} bytes, cut off at {e.Path})");
        }

        var where = e.Path is { Length: > 1 } path ? $" at {path}" : string.Empty;
        // The serializer's own wording names .NET types; say what the API promised instead.
        var detail = e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "a value of the wrong JSON type for the Prometheus API"
            : FirstSentence(e.Message);
        var isJson = body.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'{', ..];
        return isJson
            ? $"malformed JSON{where}: {detail}"
            : $"a body that is not JSON (starts with '{Preview(body)}')";
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 40));
        return new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
