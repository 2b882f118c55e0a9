using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

public sealed class AdmissionReviewBuilderTests
{
    [Test]
    public void Build_ReplicaSetPodCreate_AsTheServerSendsIt()
    {
        var review = AdmissionReviewBuilder.Build(WebhookFixtures.PodCreate(), "3f1c5e2a-0000-4000-8000-000000000001");

        var request = review["request"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(review["apiVersion"]!.GetValue<string>(), Is.EqualTo("admission.k8s.io/v1"));
            Assert.That(request.Select(p => p.Key), Is.EqualTo(new[]
            {
                "uid", "kind", "resource", "requestKind", "requestResource", "namespace", "operation", "userInfo", "object", "oldObject", "dryRun", "options",
            }), "no name for a generateName pod, no subResource");
            Assert.That(request["kind"]!.ToJsonString(), Is.EqualTo("""{"group":"","version":"v1","kind":"Pod"}"""));
            Assert.That(request["resource"]!.ToJsonString(), Is.EqualTo("""{"group":"","version":"v1","resource":"pods"}"""));
            Assert.That(request["namespace"]!.GetValue<string>(), Is.EqualTo("shop"));
            Assert.That(request["userInfo"]!["username"]!.GetValue<string>(), Is.EqualTo("system:serviceaccount:kube-system:replicaset-controller"));
            Assert.That(request["object"]!["metadata"]!["generateName"]!.GetValue<string>(), Is.EqualTo("web-7d9f8c6b5-"));
            Assert.That(request["object"]!["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("ReplicaSet"));
            Assert.That(request["oldObject"], Is.Null);
            Assert.That(request["dryRun"]!.GetValue<bool>(), Is.False);
            Assert.That(request["options"]!.ToJsonString(), Is.EqualTo("""{"kind":"CreateOptions","apiVersion":"meta.k8s.io/v1"}"""));
        });
    }
}
