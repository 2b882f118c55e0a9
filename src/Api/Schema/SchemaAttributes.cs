namespace RightSizer.Api.Schema;

/// <summary>Inclusive (or exclusive) numeric bounds emitted into the CRD's OpenAPI schema.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute : Attribute
{
    public RangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }
}

/// <summary>A regular expression the value must match, emitted as the schema's <c>pattern</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}

/// <summary>The schema default, written as the YAML scalar it should appear as.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaDefaultAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>A Kubernetes resource quantity (int-or-string, e.g. <c>512Mi</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuantityAttribute : Attribute;

/// <summary>A duration such as <c>14d</c>, <c>48h</c> or <c>1h30m</c> (Prometheus notation).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationAttribute : Attribute;

/// <summary>An int-or-string value such as <c>1</c> or <c>25%</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IntOrStringAttribute : Attribute;

/// <summary>The property must be present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>A list whose items are unique by the named key (<c>x-kubernetes-list-type: map</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}

/// <summary>A column of <c>kubectl get</c>; priority 1 shows only with <c>-o wide</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public int Priority { get; init; }

    public string? Description { get; init; }

    /// <summary>Columns are emitted in ascending order.</summary>
    public int Order { get; init; }
}
