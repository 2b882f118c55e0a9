using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using RightSizer.Api.Text;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Reads a pod's AdmissionReview straight off its UTF-8 bytes: each member the webhook reads, when it has the JSON
/// type its view expects, and nothing of the rest but the skip over it. It takes the review as the API server sends
/// it and declines everything else: a member of another type, invalid JSON, nesting past the limit, content after the
/// review. A declined body goes to the generated serializer, which decides what it is and reports where it broke, so
/// this reader has no error paths of its own. What it takes, it reads as the generated serializer does: the last of
/// duplicate members wins, an explicit null is an absent member. Strings are read through a small pool: most of a
/// pod's (its namespace, labels, owners, images, names, quantities) repeat from one pod of a workload to the next.
/// </summary>
internal static class PodReviewReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = AdmissionLimits.MaxJsonDepth };
    private static readonly Utf8StringPool Pool = new(4096);

    public static bool TryRead(ReadOnlySpan<byte> body, [NotNullWhen(true)] out AdmissionReview<PodView>? review)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            review = reader.Read() && reader.TokenType == JsonTokenType.StartObject ? Review(ref reader) : null;
            return review is not null && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            review = null;
            return false;
        }
    }

    private static AdmissionReview<PodView> Review(ref Utf8JsonReader reader)
    {
        var review = new AdmissionReview<PodView>();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("apiVersion"u8))
            {
                review.ApiVersion = String(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                review.Kind = String(ref reader);
            }
            else if (reader.ValueTextEquals("request"u8))
            {
                review.Request = StartObject(ref reader) ? Request(ref reader) : null;
            }
            else
            {
                reader.Skip();
            }
        }

        return review;
    }

    private static AdmissionRequest<PodView> Request(ref Utf8JsonReader reader)
    {
        var request = new AdmissionRequest<PodView>();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("uid"u8))
            {
                // Unique to the request: pooled, it would only push a value that repeats out of its slot.
                request.Uid = String(ref reader, pooled: false);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                request.Kind = StartObject(ref reader) ? Kind(ref reader) : null;
            }
            else if (reader.ValueTextEquals("resource"u8))
            {
                request.Resource = StartObject(ref reader) ? Resource(ref reader) : null;
            }
            else if (reader.ValueTextEquals("subResource"u8))
            {
                request.SubResource = String(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                request.Name = String(ref reader);
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                request.Namespace = String(ref reader);
            }
            else if (reader.ValueTextEquals("operation"u8))
            {
                request.Operation = String(ref reader);
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                request.Object = StartObject(ref reader) ? Pod(ref reader) : null;
            }
            else
            {
                reader.Skip();
            }
        }

        return request;
    }

    private static GroupVersionKind Kind(ref Utf8JsonReader reader)
    {
        var kind = new GroupVersionKind();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("group"u8))
            {
                kind.Group = String(ref reader);
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                kind.Version = String(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                kind.Kind = String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return kind;
    }

    private static GroupVersionResource Resource(ref Utf8JsonReader reader)
    {
        var resource = new GroupVersionResource();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("group"u8))
            {
                resource.Group = String(ref reader);
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                resource.Version = String(ref reader);
            }
            else if (reader.ValueTextEquals("resource"u8))
            {
                resource.Resource = String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return resource;
    }

    private static PodView Pod(ref Utf8JsonReader reader)
    {
        var pod = new PodView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                pod.Metadata = StartObject(ref reader) ? Metadata(ref reader) : null;
            }
            else if (reader.ValueTextEquals("spec"u8))
            {
                pod.Spec = StartObject(ref reader) ? Spec(ref reader) : null;
            }
            else
            {
                reader.Skip();
            }
        }

        return pod;
    }

    private static PodMetadataView Metadata(ref Utf8JsonReader reader)
    {
        var metadata = new PodMetadataView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                metadata.Name = String(ref reader);
            }
            else if (reader.ValueTextEquals("generateName"u8))
            {
                metadata.GenerateName = String(ref reader);
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                metadata.Namespace = String(ref reader);
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                metadata.Labels = StringMap(ref reader);
            }
            else if (reader.ValueTextEquals("annotations"u8))
            {
                metadata.Annotations = StringMap(ref reader);
            }
            else if (reader.ValueTextEquals("ownerReferences"u8))
            {
                metadata.OwnerReferences = Objects(ref reader, OwnerReference);
            }
            else
            {
                reader.Skip();
            }
        }

        return metadata;
    }

    private static OwnerReferenceView OwnerReference(ref Utf8JsonReader reader)
    {
        var owner = new OwnerReferenceView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("apiVersion"u8))
            {
                owner.ApiVersion = String(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                owner.Kind = String(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                owner.Name = String(ref reader);
            }
            else if (reader.ValueTextEquals("controller"u8))
            {
                owner.Controller = Boolean(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return owner;
    }

    private static PodSpecView Spec(ref Utf8JsonReader reader)
    {
        var spec = new PodSpecView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("containers"u8))
            {
                spec.Containers = Objects(ref reader, Container);
            }
            else if (reader.ValueTextEquals("initContainers"u8))
            {
                spec.InitContainers = Objects(ref reader, Container);
            }
            else
            {
                reader.Skip();
            }
        }

        return spec;
    }

    private static ContainerView Container(ref Utf8JsonReader reader)
    {
        var container = new ContainerView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                container.Name = String(ref reader);
            }
            else if (reader.ValueTextEquals("image"u8))
            {
                container.Image = String(ref reader);
            }
            else if (reader.ValueTextEquals("command"u8))
            {
                container.Command = Strings(ref reader);
            }
            else if (reader.ValueTextEquals("args"u8))
            {
                container.Args = Strings(ref reader);
            }
            else if (reader.ValueTextEquals("env"u8))
            {
                container.Env = Objects(ref reader, EnvVar);
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                container.Resources = StartObject(ref reader) ? Resources(ref reader) : null;
            }
            else if (reader.ValueTextEquals("restartPolicy"u8))
            {
                container.RestartPolicy = String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return container;
    }

    private static EnvVarView EnvVar(ref Utf8JsonReader reader)
    {
        var variable = new EnvVarView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                variable.Name = String(ref reader);
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                variable.Value = String(ref reader);
            }
            else if (reader.ValueTextEquals("valueFrom"u8))
            {
                // Only its presence matters; it is kept as the generated serializer keeps it, a parsed element.
                reader.Read();
                variable.ValueFrom = reader.TokenType == JsonTokenType.StartObject ? JsonElement.ParseValue(ref reader) : throw Declined();
            }
            else
            {
                reader.Skip();
            }
        }

        return variable;
    }

    private static ResourcesView Resources(ref Utf8JsonReader reader)
    {
        var resources = new ResourcesView();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("requests"u8))
            {
                resources.Requests = QuantityMap(ref reader);
            }
            else if (reader.ValueTextEquals("limits"u8))
            {
                resources.Limits = QuantityMap(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return resources;
    }

    private static Dictionary<string, string>? StringMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var map = new Dictionary<string, string>();
        while (NextMember(ref reader))
        {
            var key = Pool.Read(ref reader);
            map[key] = String(ref reader) ?? throw Declined();
        }

        return map;
    }

    private static Dictionary<string, string?>? QuantityMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var map = new Dictionary<string, string?>(2);
        while (NextMember(ref reader))
        {
            var key = Pool.Read(ref reader);
            map[key] = String(ref reader);
        }

        return map;
    }

    // An array of objects, each read by the given reader; a null element stays null.
    private static List<T?>? Objects<T>(ref Utf8JsonReader reader, ObjectReader<T> read)
        where T : class
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var items = new List<T?>(2);
        while (NextElement(ref reader))
        {
            items.Add(ObjectOrNull(ref reader) ? read(ref reader) : null);
        }

        return items;
    }

    private static List<string?>? Strings(ref Utf8JsonReader reader)
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var strings = new List<string?>();
        while (NextElement(ref reader))
        {
            strings.Add(reader.TokenType switch
            {
                JsonTokenType.String => Pool.Read(ref reader),
                JsonTokenType.Null => null,
                _ => throw Declined(),
            });
        }

        return strings;
    }

    // On a member's name: true when the next member is there, false at the object's end.
    private static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    // Inside an array: true with the reader on the next element, false at the array's end.
    private static bool NextElement(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    // The member's value: true on the start of an object, false on null; any other value is declined.
    private static bool StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ObjectOrNull(ref reader);
    }

    private static bool ObjectOrNull(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Declined(),
    };

    private static bool StartArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw Declined(),
        };
    }

    private static string? String(ref Utf8JsonReader reader, bool pooled = true)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => pooled ? Pool.Read(ref reader) : reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Declined(),
        };
    }

    private static bool? Boolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw Declined(),
        };
    }

    private delegate T ObjectReader<out T>(ref Utf8JsonReader reader);

    // A value of a type the view does not take: the generated serializer reads the body instead.
    private static JsonException Declined() => new("a member of a type the pod's view does not take");
}
