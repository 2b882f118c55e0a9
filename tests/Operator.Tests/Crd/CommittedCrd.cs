using YamlDotNet.Serialization;

namespace RightSizer.Operator.Tests.Crd;

/// <summary>The committed CRD file, and its openAPIV3Schema as a plain object graph.</summary>
internal static class CommittedCrd
{
    public static string Path => RepositoryRoot.File("config", "crds", "rightsizer.io_memorypolicies.yaml");

    public static IDictionary<object, object> Document() =>
        (IDictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path))!;

    public static IDictionary<object, object> Version() =>
        (IDictionary<object, object>)((IList<object>)Map(Document(), "spec")["versions"])[0];

    public static IDictionary<object, object> Schema() => Map(Map(Version(), "schema"), "openAPIV3Schema");

    public static IDictionary<object, object> Map(IDictionary<object, object> map, string key) =>
        (IDictionary<object, object>)map[key];
}
