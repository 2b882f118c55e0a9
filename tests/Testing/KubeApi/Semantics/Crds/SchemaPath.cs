using System.Globalization;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>Field paths written as <c>field.Path</c> writes them: <c>a.b</c>, <c>properties[spec]</c>, <c>versions[0]</c>.</summary>
internal static class SchemaPath
{
    public static string Child(this string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Key(this string path, string key) => path + "[" + key + "]";

    public static string Index(this string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
