using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RightSizer.Operator.Cli.Output;

/// <summary>The YAML form of a report: the JSON contract's fields, camelCase.</summary>
public static class ReportYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .DisableAliases()
        .Build();

    public static void Write(RecommendationReport report, TextWriter writer) => Serializer.Serialize(writer, report);
}
