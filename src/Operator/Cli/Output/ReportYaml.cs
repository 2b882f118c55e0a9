using RightSizer.Operator.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The YAML form of a report: the JSON contract's fields, camelCase; times as RFC 3339 strings, and strings a YAML 1.1
/// reader would misread (a namespace named <c>true</c>, a container <c>0x10</c>) quoted.
/// </summary>
public static class ReportYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .DisableAliases()
        .WithTypeConverter(new DateTimeOffsetYamlConverter())
        .WithEventEmitter(next => new QuotingEventEmitter(next))
        .Build();

    public static void Write(RecommendationReport report, TextWriter writer) => Serializer.Serialize(writer, report);
}
