using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RightSizer.Operator.Tests.Crd;

/// <summary>
/// Checks a YAML document against a structural OpenAPI v3 schema the way the API server's validation does for the
/// keywords our CRD uses: type, enum, minimum/maximum (exclusive too), pattern, required, int-or-string, arrays,
/// additionalProperties, and unknown fields (which a structural schema prunes; here they are reported).
/// </summary>
internal static class StructuralSchemaValidator
{
    public static IReadOnlyList<string> Validate(YamlNode document, IDictionary<object, object> schema)
    {
        var problems = new List<string>();
        Check(document, schema, string.Empty, problems);
        return problems;
    }

    private static void Check(YamlNode node, IDictionary<object, object> schema, string path, List<string> problems)
    {
        if (schema.TryGetValue("x-kubernetes-int-or-string", out var ios) && (string)ios == "true")
        {
            if (node is not YamlScalarNode s || (Kind(s) is not ("integer" or "string")))
            {
                problems.Add($"{path}: must be an integer or a string");
                return;
            }

            CheckPattern(s, schema, path, problems);
            return;
        }

        var type = schema.TryGetValue("type", out var t) ? (string)t : null;
        switch (type)
        {
            case "object":
                CheckObject(node, schema, path, problems);
                break;
            case "array":
                if (node is not YamlSequenceNode sequence)
                {
                    problems.Add($"{path}: must be an array");
                    return;
                }

                var items = (IDictionary<object, object>)schema["items"];
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Check(sequence.Children[i], items, $"{path}[{i}]", problems);
                }

                break;
            case "string" or "integer" or "number" or "boolean":
                CheckScalar(node, schema, type, path, problems);
                break;
            default:
                problems.Add($"{path}: schema has no type");
                break;
        }
    }

    private static void CheckObject(YamlNode node, IDictionary<object, object> schema, string path, List<string> problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"{path}: must be an object");
            return;
        }

        var properties = schema.TryGetValue("properties", out var p) ? (IDictionary<object, object>)p : null;
        var additional = schema.TryGetValue("additionalProperties", out var a) ? (IDictionary<object, object>)a : null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (properties?.TryGetValue(key, out var child) == true)
            {
                Check(value, (IDictionary<object, object>)child, childPath, problems);
            }
            else if (additional is not null)
            {
                Check(value, additional, childPath, problems);
            }
            else if (properties is not null)
            {
                problems.Add($"{childPath}: unknown field");
            }
        }

        if (schema.TryGetValue("required", out var required))
        {
            foreach (string name in (IList<object>)required)
            {
                if (!mapping.Children.ContainsKey(new YamlScalarNode(name)))
                {
                    problems.Add($"{(path.Length == 0 ? name : $"{path}.{name}")}: required");
                }
            }
        }
    }

    private static void CheckScalar(YamlNode node, IDictionary<object, object> schema, string type, string path, List<string> problems)
    {
        if (node is not YamlScalarNode scalar)
        {
            problems.Add($"{path}: must be a {type}");
            return;
        }

        var kind = Kind(scalar);
        var fits = type == kind || (type == "number" && kind == "integer");
        if (!fits)
        {
            problems.Add($"{path}: must be a {type} (got {kind} '{scalar.Value}')");
            return;
        }

        if (schema.TryGetValue("enum", out var values) && !((IList<object>)values).Contains(scalar.Value!))
        {
            problems.Add($"{path}: must be one of {string.Join(", ", (IList<object>)values)} (got '{scalar.Value}')");
        }

        if (type is "integer" or "number")
        {
            var number = double.Parse(scalar.Value!, CultureInfo.InvariantCulture);
            if (schema.TryGetValue("minimum", out var min))
            {
                var bound = double.Parse((string)min, CultureInfo.InvariantCulture);
                var exclusive = schema.TryGetValue("exclusiveMinimum", out var ex) && (string)ex == "true";
                if (exclusive ? number <= bound : number < bound)
                {
                    problems.Add($"{path}: must be {(exclusive ? ">" : ">=")} {bound} (got {scalar.Value})");
                }
            }

            if (schema.TryGetValue("maximum", out var max))
            {
                var bound = double.Parse((string)max, CultureInfo.InvariantCulture);
                var exclusive = schema.TryGetValue("exclusiveMaximum", out var ex) && (string)ex == "true";
                if (exclusive ? number >= bound : number > bound)
                {
                    problems.Add($"{path}: must be {(exclusive ? "<" : "<=")} {bound} (got {scalar.Value})");
                }
            }
        }

        CheckPattern(scalar, schema, path, problems);
    }

    private static void CheckPattern(YamlScalarNode scalar, IDictionary<object, object> schema, string path, List<string> problems)
    {
        if (schema.TryGetValue("pattern", out var pattern) && Kind(scalar) == "string"
            && !Regex.IsMatch(scalar.Value!, (string)pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add($"{path}: must match {pattern} (got '{scalar.Value}')");
        }
    }

    // YAML 1.2 core schema typing of plain scalars; quoted scalars are strings.
    private static string Kind(YamlScalarNode scalar)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return "string";
        }

        var value = scalar.Value ?? string.Empty;
        if (value is "true" or "false")
        {
            return "boolean";
        }

        if (Regex.IsMatch(value, "^[-+]?[0-9]+$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "integer";
        }

        return Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.None, TimeSpan.FromSeconds(1))
            ? "number"
            : "string";
    }
}
