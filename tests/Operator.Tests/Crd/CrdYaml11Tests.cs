using RightSizer.Operator.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RightSizer.Operator.Tests.Crd;

/// <summary>The committed CRD read as kubectl reads it (YAML 1.1), where a plain Off or True is a boolean.</summary>
public sealed class CrdYaml11Tests
{
    [Test]
    public void MemoryPolicy_OffTrueFalseUnquotedReadAsBooleansByKubectl_EveryStringDefaultAndEnumStaysAString()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(CommittedCrd.Path)));
        var misread = new List<string>();
        Walk(stream.Documents[0].RootNode, "$", misread);

        Assert.That(misread, Is.Empty, "plain scalars a YAML 1.1 reader takes for booleans, numbers or null where the schema says string");
    }

    [Test]
    public void MemoryPolicy_ModeDefault_QuotedOff() =>
        Assert.That(File.ReadAllText(CommittedCrd.Path), Does.Contain("default: \"Off\"").And.Contain("- \"True\"").And.Not.Contain("default: Off"));

    private static void Walk(YamlNode node, string path, List<string> misread)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var isString = mapping.Children.TryGetValue(new YamlScalarNode("type"), out var type) && type is YamlScalarNode { Value: "string" };
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    if (isString && name is "default" or "enum")
                    {
                        Check(value, $"{path}.{name}", misread);
                    }

                    Walk(value, $"{path}.{name}", misread);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", misread);
                }

                break;
        }
    }

    private static void Check(YamlNode node, string path, List<string> misread)
    {
        foreach (var scalar in node is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>() : [(YamlScalarNode)node])
        {
            if (scalar.Style == ScalarStyle.Plain && Yaml11Scalars.NeedsQuotes(scalar.Value ?? string.Empty))
            {
                misread.Add($"{path}: {scalar.Value} (line {scalar.Start.Line})");
            }
        }
    }
}
