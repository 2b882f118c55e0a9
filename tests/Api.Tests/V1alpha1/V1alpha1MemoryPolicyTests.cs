using System.Text.Json;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Api.Tests.V1alpha1;

public sealed class V1alpha1MemoryPolicyTests
{
    [Test]
    public void Serialize_Policy_KubernetesFieldNamesAndEnumNames()
    {
        var policy = new V1alpha1MemoryPolicy
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "web", NamespaceProperty = "shop" },
            Spec = new V1alpha1MemoryPolicySpec
            {
                TargetRef = new V1alpha1TargetReference { ApiVersion = "apps/v1", Kind = WorkloadKind.StatefulSet, Name = "db" },
                Mode = PolicyMode.Recreate,
                QosClass = QosPolicy.Guaranteed,
            },
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(policy));
        var root = json.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("apiVersion").GetString(), Is.EqualTo("rightsizer.io/v1alpha1"));
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("MemoryPolicy"));
            Assert.That(root.GetProperty("spec").GetProperty("targetRef").GetProperty("kind").GetString(), Is.EqualTo("StatefulSet"));
            Assert.That(root.GetProperty("spec").GetProperty("mode").GetString(), Is.EqualTo("Recreate"));
            Assert.That(root.GetProperty("spec").GetProperty("qosClass").GetString(), Is.EqualTo("Guaranteed"));
        });
    }

    [Test]
    public void Deserialize_UnknownEnumName_JsonException() =>
        Assert.That(() => JsonSerializer.Deserialize<V1alpha1MemoryPolicySpec>("""{"mode": "Sometimes"}"""), Throws.InstanceOf<JsonException>());

    [Test]
    public void Defaults_LimitMarginFollowsQos_GuaranteedReservesNoExtra() =>
        Assert.That(MemoryPolicyDefaults.GuaranteedLimitMargin, Is.LessThan(MemoryPolicyDefaults.LimitMargin));
}
