using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// The <c>admission.k8s.io/v1</c> AdmissionReview the API server posts (<c>CreateV1AdmissionReview</c>), fields in
/// its order; <c>name</c>, <c>namespace</c> and <c>subResource</c> are left out when empty, so a generateName pod has
/// no <c>name</c>; <c>oldObject</c> is null on create; <c>dryRun</c> is always there.
/// </summary>
public static class AdmissionReviewBuilder
{
    public static JsonObject Build(AdmissionAttributes attributes, string uid)
    {
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = Kind(attributes),
            ["resource"] = Resource(attributes),
        };
        if (attributes.Subresource.Length > 0)
        {
            request["subResource"] = attributes.Subresource;
        }

        request["requestKind"] = Kind(attributes);
        request["requestResource"] = Resource(attributes);
        if (attributes.Subresource.Length > 0)
        {
            request["requestSubResource"] = attributes.Subresource;
        }

        if (attributes.Name.Length > 0)
        {
            request["name"] = attributes.Name;
        }

        if (attributes.Namespace.Length > 0)
        {
            request["namespace"] = attributes.Namespace;
        }

        request["operation"] = attributes.Operation;
        request["userInfo"] = User(attributes.User);
        request["object"] = attributes.Object?.DeepClone();
        request["oldObject"] = attributes.OldObject?.DeepClone();
        request["dryRun"] = attributes.DryRun;
        request["options"] = attributes.Options.DeepClone();
        return new JsonObject
        {
            ["kind"] = "AdmissionReview",
            ["apiVersion"] = "admission.k8s.io/v1",
            ["request"] = request,
        };
    }

    private static JsonObject Kind(AdmissionAttributes a) => new() { ["group"] = a.Group, ["version"] = a.Version, ["kind"] = a.Kind };

    private static JsonObject Resource(AdmissionAttributes a) => new() { ["group"] = a.Group, ["version"] = a.Version, ["resource"] = a.Resource };

    private static JsonObject User(AdmissionUser user)
    {
        var json = new JsonObject { ["username"] = user.Username };
        if (user.Uid.Length > 0)
        {
            json["uid"] = user.Uid;
        }

        json["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode)g)]);
        return json;
    }
}
