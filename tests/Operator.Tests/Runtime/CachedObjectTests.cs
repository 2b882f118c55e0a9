using k8s.Models;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class CachedObjectTests
{
    private static IEnumerable<TestCaseData> Annotations() =>
    [
        new TestCaseData(null, null).SetName("Trim_NoAnnotations_NoneAdded"),
        new TestCaseData(
            new Dictionary<string, string> { [CachedObject.LastAppliedAnnotation] = "{\"kind\":\"Pod\"}", ["rightsizer.io/applied"] = "web@2" },
            new Dictionary<string, string> { ["rightsizer.io/applied"] = "web@2" })
            .SetName("Trim_LastAppliedAndOwnAnnotation_OnlyLastAppliedDropped"),
        new TestCaseData(
            new Dictionary<string, string> { ["team"] = "shop" },
            new Dictionary<string, string> { ["team"] = "shop" })
            .SetName("Trim_OtherAnnotationsOnly_Kept"),
    ];

    [TestCaseSource(nameof(Annotations))]
    public void Trim_Annotations_LastAppliedDroppedRestKept(Dictionary<string, string>? annotations, Dictionary<string, string>? expected)
    {
        var pod = Pod("web-1", annotations);

        var trimmed = CachedObject.Trim(pod);

        Assert.Multiple(() =>
        {
            Assert.That(trimmed, Is.SameAs(pod));
            Assert.That(trimmed.Metadata.ManagedFields, Is.Null);
            Assert.That(trimmed.Metadata.Annotations, Is.EqualTo(expected));
            Assert.That(trimmed.Metadata.Name, Is.EqualTo("web-1"));
            Assert.That(trimmed.Spec.Containers.Single().Name, Is.EqualTo("app"));
        });
    }

    [Test]
    public void Trim_NoMetadata_Unchanged()
    {
        var pod = new V1Pod();

        Assert.That(CachedObject.Trim(pod).Metadata, Is.Null);
    }

    [Test]
    public void UpsertAndReplace_ObjectsWithManagedFields_StoredTrimmed()
    {
        var cache = new ResourceCache<V1Pod>();

        cache.Replace([Pod("listed", new Dictionary<string, string> { [CachedObject.LastAppliedAnnotation] = "{}" })]);
        cache.Upsert(Pod("watched", null));

        Assert.Multiple(() =>
        {
            Assert.That(cache.Get("shop", "listed")!.Metadata.ManagedFields, Is.Null);
            Assert.That(cache.Get("shop", "listed")!.Metadata.Annotations, Is.Empty);
            Assert.That(cache.Get("shop", "watched")!.Metadata.ManagedFields, Is.Null);
        });
    }

    private static V1Pod Pod(string name, Dictionary<string, string>? annotations) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "shop",
            ResourceVersion = "7",
            Annotations = annotations is null ? null : new Dictionary<string, string>(annotations),
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply", FieldsType = "FieldsV1" }],
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app" }] },
    };
}
