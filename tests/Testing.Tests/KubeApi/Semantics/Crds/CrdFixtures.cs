using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Crds;

/// <summary>CRDs as YAML, read the way kubectl reads them, with a spec schema to vary.</summary>
internal static class CrdFixtures
{
    /// <summary>A one-version namespaced CRD with a status subresource whose <c>spec</c> schema is <paramref name="specSchema"/> (YAML, indented for the spot).</summary>
    public static JsonObject WithSpec(string specSchema) => (JsonObject)KubeYaml.ReadDocuments($$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names:
            kind: Widget
            plural: widgets
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
        {{Indent(specSchema, 12)}}
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """)[0];

    public static JsonObject Valid => WithSpec("""
        type: object
        properties:
          mode:
            type: string
            enum: ["Off", "Auto"]
            default: "Off"
          replicas:
            type: integer
            minimum: 1
        """);

    public static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
