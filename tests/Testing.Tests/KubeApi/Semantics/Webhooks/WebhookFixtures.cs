using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

internal static class WebhookFixtures
{
    /// <summary>A pod as the ReplicaSet controller creates it, at the mutating stage: generateName, no name, an owner.</summary>
    public static JsonObject ReplicaSetPod() => JsonNode.Parse("""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"generateName":"web-7d9f8c6b5-","namespace":"shop","labels":{"app":"web","pod-template-hash":"7d9f8c6b5"},
           "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9f8c6b5","uid":"rs-uid","controller":true,"blockOwnerDeletion":true}]},
         "spec":{"containers":[{"name":"app","image":"nginx","resources":{}}]}}
        """)!.AsObject();

    public static AdmissionAttributes PodCreate(bool dryRun = false) =>
        AdmissionAttributes.ForCreate("", "v1", "Pod", "pods", ReplicaSetPod(), AdmissionUser.ReplicaSetController, dryRun);

    public static JsonObject Webhook(string name, string extra = "") => JsonNode.Parse($$"""
        {"name":"{{name}}","sideEffects":"None","admissionReviewVersions":["v1"],
         "clientConfig":{"url":"https://127.0.0.1:1/mutate"},
         "rules":[{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"]}]{{extra}}}
        """)!.AsObject();
}
