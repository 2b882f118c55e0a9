namespace RightSizer.Testing.KubeApi.Http;

/// <summary>The media types the server negotiates, compared without parameters as the real server does.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string AggregatedDiscoveryV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string TableV1 = "application/json;as=Table;v=v1;g=meta.k8s.io";
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string Yaml = "application/yaml";

    /// <summary>The media type without parameters: <c>application/json; charset=utf-8</c> → <c>application/json</c>.</summary>
    public static string Essence(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>Whether an Accept header asks for a meta.k8s.io Table (kubectl get's human output).</summary>
    public static bool WantsTable(string? accept) =>
        Alternatives(accept).Any(a => a.Contains("as=Table", StringComparison.Ordinal) && a.Contains("g=meta.k8s.io", StringComparison.Ordinal));

    /// <summary>Whether an Accept header asks for aggregated discovery v2 (v2beta1 alone is not served).</summary>
    public static bool WantsAggregatedDiscovery(string? accept) =>
        Alternatives(accept).Any(a => a.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal) && a.Contains("v=v2", StringComparison.Ordinal)
            && !a.Contains("v=v2beta1", StringComparison.Ordinal));

    private static IEnumerable<string> Alternatives(string? accept) =>
        (accept ?? "").Split(',').Select(a => a.Replace(" ", "", StringComparison.Ordinal));
}
