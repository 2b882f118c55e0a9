using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Crd;

namespace RightSizer.Operator.Tests.Crd;

public sealed class CrdYamlTests
{
    [Test]
    public void MemoryPolicy_Regenerated_ByteIdenticalToCommittedFile() =>
        Assert.That(CrdYaml.MemoryPolicy(), Is.EqualTo(File.ReadAllText(CommittedCrd.Path)),
            "config/crds is out of date: run 'make manifests' and commit the result");

    [Test]
    public void MemoryPolicy_EveryNode_Structural()
    {
        var problems = new List<string>();
        Walk(CommittedCrd.Schema(), "openAPIV3Schema", problems);

        Assert.That(problems, Is.Empty);
    }

    private static readonly TestCaseData[] EnumCases =
    [
        new TestCaseData("spec.mode", typeof(PolicyMode)).SetName("MemoryPolicy_ModeEnum_MatchesPolicyMode"),
        new TestCaseData("spec.qosClass", typeof(QosPolicy)).SetName("MemoryPolicy_QosEnum_MatchesQosPolicy"),
        new TestCaseData("spec.targetRef.kind", typeof(WorkloadKind)).SetName("MemoryPolicy_KindEnum_MatchesWorkloadKind"),
        new TestCaseData("spec.recommendation.signal", typeof(MemorySignal)).SetName("MemoryPolicy_SignalEnum_MatchesMemorySignal"),
        new TestCaseData("spec.recommendation.limitStrategy", typeof(LimitStrategy)).SetName("MemoryPolicy_LimitStrategyEnum_MatchesLimitStrategy"),
        new TestCaseData("spec.runtime.type", typeof(RuntimeKind)).SetName("MemoryPolicy_RuntimeEnum_MatchesRuntimeKind"),
        new TestCaseData("spec.containers[].controlledValues", typeof(ControlledValues)).SetName("MemoryPolicy_ControlledValuesEnum_MatchesControlledValues"),
        new TestCaseData("spec.containers[].mode", typeof(ContainerMode)).SetName("MemoryPolicy_ContainerModeEnum_MatchesContainerMode"),
    ];

    [TestCaseSource(nameof(EnumCases))]
    public void MemoryPolicy_Enum_MatchesCSharpEnum(string path, Type enumType) =>
        Assert.That(((IList<object>)Field(path)["enum"]).Cast<string>(), Is.EqualTo(Enum.GetNames(enumType)));

    private static readonly TestCaseData[] RangeCases =
    [
        new TestCaseData("spec.recommendation.requestPercentile", MemoryPolicyLimits.PercentileMin, MemoryPolicyLimits.PercentileMax).SetName("MemoryPolicy_RequestPercentileRange_FromLimits"),
        new TestCaseData("spec.recommendation.limitPercentile", MemoryPolicyLimits.PercentileMin, MemoryPolicyLimits.PercentileMax).SetName("MemoryPolicy_LimitPercentileRange_FromLimits"),
        new TestCaseData("spec.recommendation.requestMargin", MemoryPolicyLimits.MarginMin, MemoryPolicyLimits.MarginMax).SetName("MemoryPolicy_RequestMarginRange_FromLimits"),
        new TestCaseData("spec.recommendation.limitMargin", MemoryPolicyLimits.MarginMin, MemoryPolicyLimits.MarginMax).SetName("MemoryPolicy_LimitMarginRange_FromLimits"),
        new TestCaseData("spec.runtime.heapHeadroom", MemoryPolicyLimits.HeapHeadroomMin, MemoryPolicyLimits.HeapHeadroomMax).SetName("MemoryPolicy_HeapHeadroomRange_FromLimits"),
        new TestCaseData("spec.update.minChange", MemoryPolicyLimits.MinChangeMin, MemoryPolicyLimits.MinChangeMax).SetName("MemoryPolicy_MinChangeRange_FromLimits"),
        new TestCaseData("spec.recommendation.minSamples", (double)MemoryPolicyLimits.MinSamplesMin, null).SetName("MemoryPolicy_MinSamplesMinimum_FromLimits"),
    ];

    [TestCaseSource(nameof(RangeCases))]
    public void MemoryPolicy_Range_ReadsMemoryPolicyLimits(string path, double minimum, double? maximum)
    {
        var field = Field(path);

        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToDouble(field["minimum"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(minimum));
            Assert.That(
                field.TryGetValue("maximum", out var max) ? Convert.ToDouble(max, System.Globalization.CultureInfo.InvariantCulture) : (double?)null,
                Is.EqualTo(maximum));
        });
    }

    [Test]
    public void MemoryPolicy_PrinterColumns_PointAtSchemaFields()
    {
        var columns = (IList<object>)CommittedCrd.Version()["additionalPrinterColumns"];
        var paths = columns.Cast<IDictionary<object, object>>().Select(c => (string)c["jsonPath"]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(paths, Has.Count.GreaterThanOrEqualTo(8));
            foreach (var path in paths.Where(p => !p.StartsWith(".metadata", StringComparison.Ordinal)))
            {
                // [0] and [?(...)] both step into an array's items.
                var fieldPath = System.Text.RegularExpressions.Regex.Replace(path.TrimStart('.'), @"\[[^\]]*\]", "[]");
                Assert.That(() => Field(fieldPath), Throws.Nothing, path);
            }
        });
    }

    [Test]
    public void MemoryPolicy_StatusSubresourceAndNames_Declared()
    {
        var spec = CommittedCrd.Map(CommittedCrd.Document(), "spec");
        var names = CommittedCrd.Map(spec, "names");

        Assert.Multiple(() =>
        {
            Assert.That(CommittedCrd.Map(CommittedCrd.Version(), "subresources").ContainsKey("status"), Is.True);
            Assert.That(spec["scope"], Is.EqualTo("Namespaced"));
            Assert.That((IList<object>)names["shortNames"], Is.EqualTo(new[] { "mp", "mempol" }));
        });
    }

    private static IDictionary<object, object> Field(string path)
    {
        var node = CommittedCrd.Schema();
        foreach (var part in path.Split('.'))
        {
            var name = part.TrimEnd('[', ']');
            node = CommittedCrd.Map(CommittedCrd.Map(node, "properties"), name);
            if (part.EndsWith("[]", StringComparison.Ordinal))
            {
                node = CommittedCrd.Map(node, "items");
            }
        }

        return node;
    }

    private static void Walk(IDictionary<object, object> node, string path, List<string> problems)
    {
        var intOrString = node.TryGetValue("x-kubernetes-int-or-string", out var ios) && (string)ios == "true";
        if (!node.ContainsKey("type") && !intOrString)
        {
            problems.Add($"{path}: no type");
        }

        // The root metadata may carry nothing but its type: apiextensions refuses a description there.
        if (!node.ContainsKey("description") && path is not ("openAPIV3Schema" or "openAPIV3Schema.metadata"))
        {
            problems.Add($"{path}: no description");
        }

        if (node.ContainsKey("properties") && node.ContainsKey("additionalProperties"))
        {
            problems.Add($"{path}: properties and additionalProperties together");
        }

        if (node.TryGetValue("properties", out var properties))
        {
            foreach (var (name, child) in (IDictionary<object, object>)properties)
            {
                Walk((IDictionary<object, object>)child, $"{path}.{name}", problems);
            }
        }

        if (node.TryGetValue("items", out var items))
        {
            var itemNode = (IDictionary<object, object>)items;
            itemNode.TryAdd("description", "(items)");
            Walk(itemNode, $"{path}[]", problems);
        }
    }
}
