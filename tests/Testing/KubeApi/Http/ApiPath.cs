using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// A resource URL taken apart as the real server's RequestInfoFactory does:
/// <c>/api/v1/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]</c> and the same under <c>/apis/{group}/{version}</c>.
/// </summary>
public sealed record ApiPath(ResourceType Type, string Namespace, string Name, string Subresource)
{
    public bool IsCollection => Name.Length == 0;

    /// <summary>Resolves a resource path, or null when it names no resource this server serves.</summary>
    public static ApiPath? Parse(string path, ResourceCatalog catalog)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var tail = parts[rest..];
        var ns = "";
        if (tail.Length >= 3 && tail[0] == "namespaces" && catalog.Find(group, version, tail[2]) is { Namespaced: true })
        {
            ns = Uri.UnescapeDataString(tail[1]);
            tail = tail[2..];
        }

        if (catalog.Find(group, version, tail[0]) is not { } type || tail.Length > 3)
        {
            return null;
        }

        var name = tail.Length > 1 ? Uri.UnescapeDataString(tail[1]) : "";
        var subresource = tail.Length > 2 ? tail[2] : "";
        return new ApiPath(type, ns, name, subresource);
    }
}
