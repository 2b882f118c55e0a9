using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Crds;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Crds;

public sealed class CrdValidatorTests
{
    private const string Spec = "spec.validation.openAPIV3Schema.properties[spec]";

    // Each row: a spec schema and the error text apiextensions answers for it (paths as the server hoists a
    // single version's schema to spec.validation; messages from pkg/apiserver/schema and defaulting).
    private static readonly TestCaseData[] BrokenSchemas =
    [
        new TestCaseData("type: object\nproperties:\n  mode:\n    type: string\n    default: Off\n",
            $"{Spec}.properties[mode].default: Invalid value: \"boolean\":  in body must be of type string: \"boolean\"")
            .SetName("Validate_UnquotedOffDefaultOnStringField_RefusedAsBoolean"),
        new TestCaseData("type: object\nproperties:\n  mode:\n    description: no type\n",
            $"{Spec}.properties[mode].type: Required value: must not be empty for specified object fields")
            .SetName("Validate_FieldWithoutType_RefusedAsNonStructural"),
        new TestCaseData("type: object\nproperties:\n  list:\n    type: array\n",
            $"{Spec}.properties[list].items: Required value: must be specified")
            .SetName("Validate_ArrayWithoutItems_Refused"),
        new TestCaseData("type: object\nproperties:\n  count:\n    type: integer\n    maximum: 3\n    default: 5\n",
            $"{Spec}.properties[count].default: Invalid value: 5:  in body should be less than or equal to 3")
            .SetName("Validate_DefaultAboveMaximum_Refused"),
        new TestCaseData("type: object\nproperties:\n  o:\n    type: object\n    properties:\n      a: {type: string}\n    default: {a: x, c: z}\n",
            $"{Spec}.properties[o].default: Invalid value: {{\"a\":\"x\",\"c\":\"z\"}}: must not have unknown fields")
            .SetName("Validate_DefaultWithUnknownField_Refused"),
        new TestCaseData("type: object\nproperties:\n  count:\n    type: int\n",
            $"{Spec}.properties[count].type: Unsupported value: \"int\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"")
            .SetName("Validate_UnknownType_Unsupported"),
        new TestCaseData("type: object\nanyOf:\n- type: object\n",
            $"{Spec}.anyOf[0].type: Forbidden: must be empty to be structural")
            .SetName("Validate_TypeInsideAnyOf_Forbidden"),
        new TestCaseData("type: object\nproperties:\n  l:\n    type: array\n    items: {type: object, properties: {k: {type: string}}}\n    x-kubernetes-list-type: map\n",
            $"{Spec}.properties[l].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map")
            .SetName("Validate_ListTypeMapWithoutKeys_Required"),
        new TestCaseData("type: object\nproperties:\n  p:\n    type: string\n    pattern: \"([a-z\"\n",
            null).SetName("Validate_BrokenPattern_Refused"),
    ];

    [TestCaseSource(nameof(BrokenSchemas))]
    public void Validate_BrokenSchemas_Table(string specSchema, string? expected)
    {
        var errors = CrdValidator.Validate(CrdFixtures.WithSpec(specSchema)).Select(e => e.ToString()).ToList();

        if (expected is null)
        {
            Assert.That(errors, Has.Some.Contains("must be a valid regular expression, but isn't"));
        }
        else
        {
            Assert.That(errors, Does.Contain(expected));
        }
    }

    [Test]
    public void Validate_ValidCrd_NoErrors()
    {
        Assert.That(CrdValidator.Validate(CrdFixtures.Valid), Is.Empty);
    }

    [Test]
    public void Validate_EnumHoldingABoolean_AcceptedAsTheRealServerDoes()
    {
        var crd = CrdFixtures.WithSpec("type: object\nproperties:\n  mode:\n    type: string\n    enum: [Off, Auto]\n");

        Assert.That(CrdValidator.Validate(crd), Is.Empty);
    }

    [Test]
    public void Validate_RootJunctorNamesUnknownField_RequiredAsIncomplete()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["not"] = new JsonObject { ["properties"] = new JsonObject { ["ghost"] = new JsonObject() } };

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Does.Contain("spec.validation.openAPIV3Schema.properties[ghost]: Required value: because it is defined in spec.validation.openAPIV3Schema.not.properties[ghost]"));
    }

    [Test]
    public void Validate_MetadataWithDescription_Forbidden()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["metadata"] = new JsonObject { ["type"] = "object", ["description"] = "Standard object metadata." };

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Does.Contain("spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"));
    }

    [Test]
    public void Validate_MetadataWithTypeOnly_Accepted()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["metadata"] = new JsonObject { ["type"] = "object" };

        Assert.That(CrdValidator.Validate(crd), Is.Empty);
    }

    [Test]
    public void Validate_NameNotPluralDotGroup_Refused()
    {
        var crd = CrdFixtures.Valid;
        crd["metadata"]!["name"] = "gadgets.example.com";

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Does.Contain("metadata.name: Invalid value: \"gadgets.example.com\": must be spec.names.plural+\".\"+spec.group"));
    }

    [Test]
    public void Validate_GroupWithoutDot_Refused()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["group"] = "example";
        crd["metadata"]!["name"] = "widgets.example";

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Does.Contain("spec.group: Invalid value: \"example\": should be a domain with at least one dot"));
    }

    [Test]
    public void Validate_BadScopeAndNoStorageVersion_BothReported()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["scope"] = "Global";
        crd["spec"]!["versions"]![0]!["storage"] = false;

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(errors, Does.Contain("spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\""));
            Assert.That(errors, Has.Some.StartsWith("spec.versions: Invalid value: ").And.EndsWith(": must have exactly one version marked as storage version"));
        });
    }

    [Test]
    public void Validate_PrinterColumnWithUnknownType_RefusedAtTopLevel()
    {
        var crd = CrdFixtures.Valid;
        crd["spec"]!["versions"]![0]!["additionalPrinterColumns"] = new JsonArray(new JsonObject { ["name"] = "Mode", ["type"] = "text", ["jsonPath"] = ".spec.mode" });

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Does.Contain("spec.additionalPrinterColumns[0].type: Invalid value: \"text\": must be one of boolean,date,integer,number,string"));
    }

    [Test]
    public void Validate_TwoVersionsWithDifferentSchemas_PathsNamePerVersion()
    {
        var crd = CrdFixtures.WithSpec("type: object\nproperties:\n  mode:\n    type: string\n    default: Off\n");
        var second = (JsonObject)crd["spec"]!["versions"]![0]!.DeepClone();
        second["name"] = "v2";
        second["storage"] = false;
        second["schema"]!["openAPIV3Schema"]!["properties"]!["spec"] = new JsonObject { ["type"] = "object" };
        ((JsonArray)crd["spec"]!["versions"]!).Add(second);

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Has.Some.StartsWith("spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[mode].default: Invalid value: \"boolean\""));
    }

    [Test]
    public void EnsureValid_BooleanDefault_ThrowsTheRealAggregatedMessage()
    {
        var crd = CrdFixtures.WithSpec("type: object\nproperties:\n  mode:\n    type: string\n    default: Off\n");

        var status = Assert.Throws<ApiStatusException>(() => CrdValidator.EnsureValid(crd))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(422));
            Assert.That(status.Message, Is.EqualTo("CustomResourceDefinition.apiextensions.k8s.io \"widgets.example.com\" is invalid: "
                + "spec.validation.openAPIV3Schema.properties[spec].properties[mode].default: Invalid value: \"boolean\":  in body must be of type string: \"boolean\""));
            Assert.That(status.ToJson()["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].properties[mode].default"));
        });
    }
}
