using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Selectors;

/// <summary>
/// A field selector (<c>a=b,c==d,e!=f</c>) over the fields each resource supports: metadata.name and metadata.namespace
/// everywhere, plus those the real registry's GetAttrs exposes for pods, events, nodes and secrets.
/// </summary>
public sealed class FieldSelector
{
    private static readonly Dictionary<string, string[]> SupportedFields = new()
    {
        ["/pods"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
        ["/events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["/nodes"] = ["spec.unschedulable"],
        ["/secrets"] = ["type"],
        ["/namespaces"] = ["status.phase"],
        ["apps/replicasets"] = ["status.replicas"],
        ["batch/jobs"] = ["status.successful"],
    };

    private readonly IReadOnlyList<(string Field, string Value, bool Equal)> _terms;

    private FieldSelector(IReadOnlyList<(string, string, bool)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>The value the selector requires for a field with '=' (the watch cache uses it to narrow by name).</summary>
    public string? RequiredValue(string field) => _terms.FirstOrDefault(t => t.Field == field && t.Equal).Value;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, string, bool)>();
        foreach (var term in text.Split(','))
        {
            var (field, value, equal) = Split(term);
            if (field is not ("metadata.name" or "metadata.namespace")
                && !(SupportedFields.TryGetValue($"{type.Group}/{type.Plural}", out var fields) && fields.Contains(field)))
            {
                throw new ApiStatusException(StatusErrors.BadRequest($"field label not supported: {field}"));
            }

            terms.Add((field, value, equal));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    private static (string Field, string Value, bool Equal) Split(string term)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (term[..at].Trim(), term[(at + op.Length)..].Trim(), op != "!=");
            }
        }

        throw new ApiStatusException(StatusErrors.BadRequest($"invalid selector: '{term}'; can't understand '{term}'"));
    }

    /// <summary>A field's value as GetAttrs renders it: missing strings are "", booleans "true"/"false", source is source.component.</summary>
    private static string Value(JsonObject obj, string field)
    {
        if (field == "source")
        {
            return obj["source"]?["component"]?.ToString() ?? "";
        }

        JsonNode? node = obj;
        foreach (var part in field.Split('.'))
        {
            node = node?[part];
        }

        return node switch
        {
            null when field is "spec.unschedulable" or "spec.hostNetwork" => "false",
            null => "",
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
            _ => node.ToString(),
        };
    }
}
