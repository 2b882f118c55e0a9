using System.Text.Json;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Makes KubernetesClient read strings through <see cref="PooledStringConverter"/>. The client reads every list, watch
/// event and answer with one static JsonSerializerOptions, which takes converters only until its first use, so the
/// host adds it (<c>KubernetesJson.AddJsonOptions</c>) before it builds anything; a process that used the client
/// before, such as a test process hosting several operators, keeps reading as it did.
/// </summary>
public static class KubernetesJsonStrings
{
    private static readonly Lock Gate = new();

    /// <summary>Adds the converter once; true when the options read strings pooled, whether from now or before.</summary>
    public static bool Pool(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        lock (Gate)
        {
            if (json.Converters.OfType<PooledStringConverter>().Any())
            {
                return true;
            }

            if (json.IsReadOnly)
            {
                return false;
            }

            json.Converters.Insert(0, new PooledStringConverter());
            return true;
        }
    }
}
