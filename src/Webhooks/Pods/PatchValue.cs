using System.Text.Json;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The value of one patch operation, in the few shapes the pod builders emit. Kept as strings and written straight to
/// UTF-8 when the patch is serialised: a tree of JSON nodes per admission cost more than the rest of the calculation.
/// </summary>
public readonly record struct PatchValue
{
    // Written on every patch: encoded once.
    private static readonly JsonEncodedText MemoryName = JsonEncodedText.Encode("memory");
    private static readonly JsonEncodedText RequestsName = JsonEncodedText.Encode("requests");
    private static readonly JsonEncodedText LimitsName = JsonEncodedText.Encode("limits");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText AnnotationsName = JsonEncodedText.Encode("annotations");

    private readonly PatchValueShape _shape;
    private readonly string? _first;
    private readonly string? _second;
    private readonly string? _firstName;
    private readonly string? _secondName;

    private PatchValue(PatchValueShape shape, string? first, string? second = null, string? firstName = null, string? secondName = null)
    {
        _shape = shape;
        _first = first;
        _second = second;
        _firstName = firstName;
        _secondName = secondName;
    }

    /// <summary>A JSON string.</summary>
    public static PatchValue Text(string value) => new(PatchValueShape.Text, value);

    /// <summary><c>{"memory": quantity}</c>: a requests or limits map created whole.</summary>
    public static PatchValue MemoryMap(string quantity) => new(PatchValueShape.MemoryMap, quantity);

    /// <summary><c>{"requests": {"memory": …}, "limits": {"memory": …}}</c>, each map only when its quantity is given.</summary>
    public static PatchValue Resources(string? requestQuantity, string? limitQuantity) =>
        new(PatchValueShape.Resources, requestQuantity, limitQuantity);

    /// <summary><c>{"name": …, "value": …}</c>: one environment variable.</summary>
    public static PatchValue EnvVar(string name, string value) => new(PatchValueShape.EnvVar, name, value);

    /// <summary><c>[{"name": …, "value": …}]</c>: an env list created whole with one variable.</summary>
    public static PatchValue EnvList(string name, string value) => new(PatchValueShape.EnvList, name, value);

    /// <summary><c>{name1: value1, name2: value2}</c>: an annotations map created whole.</summary>
    public static PatchValue Annotations(string firstName, string first, string secondName, string second) =>
        new(PatchValueShape.Annotations, first, second, firstName, secondName);

    /// <summary><c>{"annotations": {name1: value1, name2: value2}}</c>: metadata created whole.</summary>
    public static PatchValue Metadata(string firstName, string first, string secondName, string second) =>
        new(PatchValueShape.Metadata, first, second, firstName, secondName);

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (_shape)
        {
            case PatchValueShape.Text:
                writer.WriteStringValue(_first);
                break;
            case PatchValueShape.MemoryMap:
                WriteMemoryMap(writer, _first!);
                break;
            case PatchValueShape.Resources:
                writer.WriteStartObject();
                if (_first is not null)
                {
                    writer.WritePropertyName(RequestsName);
                    WriteMemoryMap(writer, _first);
                }

                if (_second is not null)
                {
                    writer.WritePropertyName(LimitsName);
                    WriteMemoryMap(writer, _second);
                }

                writer.WriteEndObject();
                break;
            case PatchValueShape.EnvVar:
                WriteEnvVar(writer, _first!, _second!);
                break;
            case PatchValueShape.EnvList:
                writer.WriteStartArray();
                WriteEnvVar(writer, _first!, _second!);
                writer.WriteEndArray();
                break;
            case PatchValueShape.Annotations:
                WriteAnnotations(writer);
                break;
            case PatchValueShape.Metadata:
                writer.WriteStartObject();
                writer.WritePropertyName(AnnotationsName);
                WriteAnnotations(writer);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteMemoryMap(Utf8JsonWriter writer, string quantity)
    {
        writer.WriteStartObject();
        writer.WriteString(MemoryName, quantity);
        writer.WriteEndObject();
    }

    private static void WriteEnvVar(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString(NameName, name);
        writer.WriteString(ValueName, value);
        writer.WriteEndObject();
    }

    private void WriteAnnotations(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(_firstName!, _first);
        writer.WriteString(_secondName!, _second);
        writer.WriteEndObject();
    }
}
