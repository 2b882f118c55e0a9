using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.CustomResources;

/// <summary>A custom resource schema with the features the project's CRD uses: enums, defaults, bounds, patterns, int-or-string, a keyed list.</summary>
internal static class WidgetSchema
{
    public static CustomResourceSchema Create(string extraSpecProperties = "") => new("example.com", "v1", "Widget", (JsonObject)KubeYaml.ReadDocuments($$$"""
        type: object
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            required: [target]
            properties:
              target: {type: string, maxLength: 8}
              mode: {type: string, enum: ["Off", "Auto"], default: "Off"}
              legacyMode: {type: string, enum: [Off, Auto]}
              replicas: {type: integer, minimum: 1, maximum: 10}
              ratio: {type: number, exclusiveMinimum: true, minimum: 0}
              name: {type: string, pattern: "^[a-z]+$"}
              size:
                anyOf: [{type: integer}, {type: string}]
                x-kubernetes-int-or-string: true
              tags: {type: array, maxItems: 2, items: {type: string}}
              policy:
                type: object
                default: {}
                properties:
                  window: {type: string, default: 14d}
                  strict: {type: boolean, default: false}
              containers:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [containerName]
                items:
                  type: object
                  required: [containerName]
                  properties:
                    containerName: {type: string}
                    limit: {type: string}
        {{{extraSpecProperties}}}
          status:
            type: object
            properties:
              observedGeneration: {type: integer}
        """)[0]);

    public static JsonObject Widget(string spec) => (JsonObject)KubeYaml.ReadDocuments(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\nspec: " + spec + "\n")[0];
}
