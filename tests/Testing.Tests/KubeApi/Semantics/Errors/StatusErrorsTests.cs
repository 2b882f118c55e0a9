using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Errors;

public sealed class StatusErrorsTests
{
    // Bodies as apimachinery's pkg/api/errors builds them and the server writes them (Go's encoding/json).
    private static readonly TestCaseData[] Bodies =
    [
        new TestCaseData(StatusErrors.NotFound(new GroupResource("rightsizer.io", "memorypolicies"), "web"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"memorypolicies.rightsizer.io \"web\" not found","reason":"NotFound","details":{"name":"web","group":"rightsizer.io","kind":"memorypolicies"},"code":404}""")
            .SetName("NotFound_CustomResource_GroupQualified"),
        new TestCaseData(StatusErrors.AlreadyExists(new GroupResource("", "pods"), "p1"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"p1\" already exists","reason":"AlreadyExists","details":{"name":"p1","kind":"pods"},"code":409}""")
            .SetName("AlreadyExists_CorePod_Unqualified"),
        new TestCaseData(StatusErrors.Conflict(new GroupResource("coordination.k8s.io", "leases"), "x"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on leases.coordination.k8s.io \"x\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"x","group":"coordination.k8s.io","kind":"leases"},"code":409}""")
            .SetName("Conflict_StaleResourceVersion_OptimisticLockMessage"),
        new TestCaseData(StatusErrors.TooOldResourceVersion(5, 106),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (106)","reason":"Expired","code":410}""")
            .SetName("Expired_TooOldWatch_410"),
        new TestCaseData(StatusErrors.UnsupportedMediaType(["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml","reason":"UnsupportedMediaType","code":415}""")
            .SetName("UnsupportedMediaType_StrategicOnCustomResource_415"),
        new TestCaseData(StatusErrors.UnprocessablePatch(),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server rejected our request due to an error in our request","reason":"Invalid","details":{},"code":422}""")
            .SetName("UnprocessablePatch_JsonPatchThatCannotApply_GenericMessage"),
        new TestCaseData(StatusErrors.Invalid(new GroupKind("", "Pod"), "p", [FieldError.Invalid("metadata.resourceVersion", 0, "must be specified for an update")]),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"p\" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update","reason":"Invalid","details":{"name":"p","kind":"Pod","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: 0: must be specified for an update","field":"metadata.resourceVersion"}]},"code":422}""")
            .SetName("Invalid_OneCause_MessageAndCause"),
        new TestCaseData(StatusErrors.SuccessStatus(201), """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}""")
            .SetName("Success_Eviction_201"),
    ];

    [TestCaseSource(nameof(Bodies))]
    public void ToJson_Table(ApiStatus status, string json) => Assert.That(status.ToJson().ToJsonString(GoJson.Options), Is.EqualTo(json));

    private static readonly TestCaseData[] FieldErrors =
    [
        new TestCaseData(FieldError.Required("spec.target"), "spec.target: Required value").SetName("ToString_Required"),
        new TestCaseData(FieldError.NotSupported("spec.mode", "X", ["Off", "Auto"]), "spec.mode: Unsupported value: \"X\": supported values: \"Off\", \"Auto\"").SetName("ToString_NotSupported_QuotesEach"),
        new TestCaseData(FieldError.Invalid("spec.ratio", 0.25, "too small"), "spec.ratio: Invalid value: 0.25: too small").SetName("ToString_InvalidNumber_Plain"),
        new TestCaseData(FieldError.Invalid("spec.name", "a\"b", "bad"), "spec.name: Invalid value: \"a\\\"b\": bad").SetName("ToString_InvalidString_GoQuoted"),
        new TestCaseData(FieldError.Forbidden("spec", "nope"), "spec: Forbidden: nope").SetName("ToString_Forbidden_NoValue"),
        new TestCaseData(FieldError.TooLong("spec.target", 1), "spec.target: Too long: may not be more than 1 byte").SetName("ToString_TooLongOne_Singular"),
    ];

    [TestCaseSource(nameof(FieldErrors))]
    public void ToString_Table(FieldError error, string text) => Assert.That(error.ToString(), Is.EqualTo(text));

    private static readonly TestCaseData[] Floats =
    [
        new TestCaseData(1e6, "1e+06").SetName("Float_Million_Exponent"),
        new TestCaseData(123456.0, "123456").SetName("Float_SixDigits_Plain"),
        new TestCaseData(0.5, "0.5").SetName("Float_Half_Plain"),
        new TestCaseData(0.00001, "1e-05").SetName("Float_Small_Exponent"),
        new TestCaseData(1.5e7, "1.5e+07").SetName("Float_Fraction_Exponent"),
    ];

    [TestCaseSource(nameof(Floats))]
    public void Float_Table(double value, string text) => Assert.That(GoFormat.Float(value), Is.EqualTo(text));

    [Test]
    public void Aggregate_Duplicates_ListedOnce()
    {
        var error = FieldError.Required("spec.a");

        Assert.That(FieldErrorList.Aggregate([error, error, FieldError.Required("spec.b")]), Is.EqualTo("[spec.a: Required value, spec.b: Required value]"));
    }
}
