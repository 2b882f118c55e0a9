using System.ComponentModel;
using System.Reflection;
using RightSizer.Api.Schema;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Crd;

/// <summary>The MemoryPolicy CustomResourceDefinition, as a tree of sorted maps ready for YAML.</summary>
public static class CrdBuilder
{
    public static SortedDictionary<string, object> MemoryPolicy()
    {
        var type = typeof(V1alpha1MemoryPolicy);
        var schema = CrdSchemaBuilder.ForType(type, type.GetCustomAttribute<DescriptionAttribute>()!.Description);

        var version = Map(
            ("name", V1alpha1MemoryPolicy.KubeApiVersion),
            ("served", true),
            ("storage", true),
            ("subresources", Map(("status", Map()))),
            ("additionalPrinterColumns", PrinterColumns(type)),
            ("schema", Map(("openAPIV3Schema", schema))));

        return Map(
            ("apiVersion", "apiextensions.k8s.io/v1"),
            ("kind", "CustomResourceDefinition"),
            ("metadata", Map(("name", $"{V1alpha1MemoryPolicy.KubePluralName}.{V1alpha1MemoryPolicy.KubeGroup}"))),
            ("spec", Map(
                ("group", V1alpha1MemoryPolicy.KubeGroup),
                ("names", Map(
                    ("kind", V1alpha1MemoryPolicy.KubeKind),
                    ("listKind", V1alpha1MemoryPolicy.KubeListKind),
                    ("plural", V1alpha1MemoryPolicy.KubePluralName),
                    ("singular", V1alpha1MemoryPolicy.KubeSingularName),
                    ("shortNames", V1alpha1MemoryPolicy.KubeShortNames.ToList()),
                    ("categories", V1alpha1MemoryPolicy.KubeCategories.ToList()))),
                ("scope", "Namespaced"),
                ("versions", new List<object> { version }))));
    }

    private static List<object> PrinterColumns(Type type) =>
    [
        .. type.GetCustomAttributes<PrinterColumnAttribute>()
            .OrderBy(c => c.Order)
            .Select(c =>
            {
                var column = Map(("name", c.Name), ("type", c.Type), ("jsonPath", c.JsonPath));
                if (c.Description is not null)
                {
                    column["description"] = c.Description;
                }

                if (c.Priority > 0)
                {
                    column["priority"] = c.Priority;
                }

                return (object)column;
            }),
    ];

    private static SortedDictionary<string, object> Map(params (string Key, object Value)[] entries)
    {
        var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
