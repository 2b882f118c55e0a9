using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>
/// CRDs read as kubectl reads YAML 1.1 and validated as apiextensions does: broken copies are refused with the real
/// messages (a single version's schema is reported at spec.validation, where the internal API hoists it).
/// </summary>
public sealed class CrdValidationTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.io
        spec:
          group: example.io
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
        """;

    [Test]
    public async Task Apply_BooleanDefaultOnStringField_RefusedAsApiextensionsDoes()
    {
        var result = await ApplyAsync(Crd + """

                        type: object
                        properties:
                          mode:
                            type: string
                            default: Off
            """);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StdErr, Does.Contain("The CustomResourceDefinition \"widgets.example.io\" is invalid"));
        Assert.That(result.StdErr, Does.Contain("spec.validation.openAPIV3Schema.properties[spec].properties[mode].default: Invalid value: \"boolean\":  in body must be of type string: \"boolean\""));
    }

    [Test]
    public async Task Apply_NonStructuralSchema_RefusedAsApiextensionsDoes()
    {
        var result = await ApplyAsync(Crd + """

                        properties:
                          size: {type: integer}
            """);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StdErr, Does.Contain("spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields"));
    }

    [Test]
    public async Task WaitEstablished_ValidCrd_ConditionMet()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        var kubectl = new Kubectl(server);

        await kubectl.RunAsync("apply", "-f", CrdFixtures.CommittedCrd);
        var established = await kubectl.RunAsync("wait", "--for=condition=Established", "crd/memorypolicies.rightsizer.io", "--timeout=20s");

        Assert.That(established.StdOut, Does.Contain("customresourcedefinition.apiextensions.k8s.io/memorypolicies.rightsizer.io condition met"), established.ToString());
    }

    private static async Task<KubectlResult> ApplyAsync(string yaml)
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        return await new Kubectl(server).RunWithInputAsync(yaml, "apply", "-f", "-");
    }
}
