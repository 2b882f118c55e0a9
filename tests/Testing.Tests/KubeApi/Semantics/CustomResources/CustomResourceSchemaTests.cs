using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.CustomResources;

public sealed class CustomResourceSchemaTests
{
    // Each row: the spec as YAML, and one error the real server reports for it (kube-openapi's messages as
    // apiextensions turns them into field errors).
    private static readonly TestCaseData[] Invalid =
    [
        new TestCaseData("{target: web, mode: Recreate}", "spec.mode: Unsupported value: \"Recreate\": supported values: \"Off\", \"Auto\"")
            .SetName("Validate_ValueOutsideEnum_Unsupported"),
        new TestCaseData("{target: web, legacyMode: \"Off\"}", "spec.legacyMode: Unsupported value: \"Off\": supported values: \"false\", \"Auto\"")
            .SetName("Validate_EnumWrittenWithUnquotedOff_RefusesTheStringOff"),
        new TestCaseData("{target: 12}", "spec.target: Invalid value: \"integer\": spec.target in body must be of type string: \"integer\"")
            .SetName("Validate_IntegerForString_TypeInvalid"),
        new TestCaseData("{target: web, mode: Off}", "spec.mode: Invalid value: \"boolean\": spec.mode in body must be of type string: \"boolean\"")
            .SetName("Validate_UnquotedOffForString_TypeInvalid"),
        new TestCaseData("{mode: Auto}", "spec.target: Required value").SetName("Validate_MissingRequired_Required"),
        new TestCaseData("{target: web, replicas: 0}", "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1")
            .SetName("Validate_BelowMinimum_Invalid"),
        new TestCaseData("{target: web, replicas: 11}", "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10")
            .SetName("Validate_AboveMaximum_Invalid"),
        new TestCaseData("{target: web, ratio: 0}", "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0")
            .SetName("Validate_ExclusiveMinimum_Invalid"),
        new TestCaseData("{target: web, replicas: 2.5}", "spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\"")
            .SetName("Validate_FractionForInteger_TypeInvalid"),
        new TestCaseData("{target: web, name: Web}", "spec.name: Invalid value: \"Web\": spec.name in body should match '^[a-z]+$'")
            .SetName("Validate_PatternMismatch_Invalid"),
        new TestCaseData("{target: verylongname}", "spec.target: Too long: may not be more than 8 bytes")
            .SetName("Validate_TooLong_TooLong"),
        new TestCaseData("{target: web, tags: [a, b, c]}", "spec.tags: Too many: 3: must have at most 2 items")
            .SetName("Validate_TooManyItems_TooMany"),
        new TestCaseData("{target: web, size: true}", "spec.size: Invalid value: \"boolean\": spec.size in body must be of type integer,string: \"boolean\"")
            .SetName("Validate_BooleanForIntOrString_TypeInvalid"),
        new TestCaseData("{target: web, containers: [{containerName: app}, {containerName: app}]}", "spec.containers[1]: Duplicate value: {\"containerName\":\"app\"}")
            .SetName("Validate_DuplicateListMapKey_Duplicate"),
        new TestCaseData("{target: web, containers: [{limit: 1Gi}]}", "spec.containers[0].containerName: Required value")
            .SetName("Validate_ListItemMissingKey_Required"),
    ];

    [TestCaseSource(nameof(Invalid))]
    public void Validate_Invalid_Table(string spec, string expected)
    {
        var schema = WidgetSchema.Create();
        var decoded = schema.Decode(WidgetSchema.Widget(spec), FieldValidation.Strict);

        var errors = schema.Validate(decoded.Object).Select(e => e.ToString());

        Assert.That(errors, Does.Contain(expected));
    }

    [Test]
    public void Validate_IntOrStringWithEitherKind_Accepted()
    {
        var schema = WidgetSchema.Create();

        var errors = new[] { "{target: a, size: 3}", "{target: a, size: 3Gi}" }
            .SelectMany(spec => schema.Validate(schema.Decode(WidgetSchema.Widget(spec), FieldValidation.Strict).Object));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Decode_MissingFields_DefaultsAppliedTopDown()
    {
        var decoded = WidgetSchema.Create().Decode(WidgetSchema.Widget("{target: web}"), FieldValidation.Strict);

        Assert.That(decoded.Object["spec"]!.ToJsonString(), Is.EqualTo("{\"target\":\"web\",\"mode\":\"Off\",\"policy\":{\"window\":\"14d\",\"strict\":false}}"));
    }

    [Test]
    public void Decode_NullForNonNullableFieldWithDefault_GetsTheDefault()
    {
        var decoded = WidgetSchema.Create().Decode(WidgetSchema.Widget("{target: web, mode: null, replicas: null}"), FieldValidation.Strict);

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Object["spec"]!["mode"]!.GetValue<string>(), Is.EqualTo("Off"));
            Assert.That(((JsonObject)decoded.Object["spec"]!).ContainsKey("replicas"), Is.False, "a null without a default is dropped");
        });
    }

    [Test]
    public void Decode_UnknownFieldsIgnore_PrunedSilently()
    {
        var decoded = WidgetSchema.Create().Decode(WidgetSchema.Widget("{target: web, foo: 1, containers: [{containerName: a, bar: 2}]}"), FieldValidation.Ignore);

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Object["spec"]!.AsObject().ContainsKey("foo"), Is.False);
            Assert.That(decoded.Object["spec"]!["containers"]![0]!.AsObject().ContainsKey("bar"), Is.False);
            Assert.That(decoded.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Decode_UnknownFieldsWarn_OneWarningPerField()
    {
        var decoded = WidgetSchema.Create().Decode(WidgetSchema.Widget("{target: web, foo: 1, containers: [{containerName: a, bar: 2}]}"), FieldValidation.Warn);

        Assert.That(decoded.Warnings, Is.EqualTo(new[] { "unknown field \"spec.containers[0].bar\"", "unknown field \"spec.foo\"" }));
    }

    [Test]
    public void Decode_UnknownFieldsStrict_BadRequestNamingThem()
    {
        var schema = WidgetSchema.Create();
        var body = WidgetSchema.Widget("{target: web, foo: 1}");
        body["extra"] = 1;

        var status = Assert.Throws<ApiStatusException>(() => schema.Decode(body, FieldValidation.Strict))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(400));
            Assert.That(status.Message, Is.EqualTo("Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"extra\", unknown field \"spec.foo\""));
        });
    }

    [Test]
    public void Decode_RootMetaFields_KeptEvenUnderStrict()
    {
        var decoded = WidgetSchema.Create().Decode(WidgetSchema.Widget("{target: web}"), FieldValidation.Strict);

        Assert.That(decoded.Object["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("w"));
    }

    [Test]
    public void Invalid_Errors_AggregatedAsTheServerAnswers()
    {
        var schema = WidgetSchema.Create();
        var decoded = schema.Decode(WidgetSchema.Widget("{target: web, mode: Recreate, replicas: 0}"), FieldValidation.Strict);

        var status = schema.Invalid("w", schema.Validate(decoded.Object));

        Assert.That(status.Message, Is.EqualTo("Widget.example.com \"w\" is invalid: [spec.mode: Unsupported value: \"Recreate\": supported values: \"Off\", \"Auto\", "
            + "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1]"));
    }
}
