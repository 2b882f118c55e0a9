using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The MemoryPolicy CRD and its custom resources through the real kubectl: apply, get, patch, wait, delete.</summary>
public sealed class CustomResourceFlowTests
{
    private const string Policy = """
        apiVersion: rightsizer.io/v1alpha1
        kind: MemoryPolicy
        metadata:
          name: web
        spec:
          targetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          mode: "Off"
        """;

    private LocalKubeApiServer _server = null!;
    private Kubectl _kubectl = null!;
    private string _directory = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await LocalKubeApiServer.StartAsync();
        _kubectl = new Kubectl(_server);
        _directory = Directory.CreateTempSubdirectory("crd-flow-").FullName;
        var crd = await _kubectl.RunAsync("apply", "-f", CrdFixtures.WriteQuotedCrd(_directory));
        Assert.That(crd.StdOut, Does.Contain("customresourcedefinition.apiextensions.k8s.io/memorypolicies.rightsizer.io created"), crd.ToString());
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Apply_NewThenUnchangedThenChanged_CreatedUnchangedConfigured()
    {
        var file = CrdFixtures.Write(_directory, "mp.yaml", Policy);

        var created = await _kubectl.RunAsync("apply", "-f", file);
        var unchanged = await _kubectl.RunAsync("apply", "-f", file);
        var changed = await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy.Replace("\"Off\"", "Recreate", StringComparison.Ordinal)));

        Assert.That(created.StdOut, Does.Contain("memorypolicy.rightsizer.io/web created"), created.ToString());
        Assert.That(unchanged.StdOut, Does.Contain("memorypolicy.rightsizer.io/web unchanged"), unchanged.ToString());
        Assert.That(changed.StdOut, Does.Contain("memorypolicy.rightsizer.io/web configured"), changed.ToString());
        var mode = await _kubectl.RunAsync("get", "mp", "web", "-o", "jsonpath={.spec.mode} {.metadata.generation}");
        Assert.That(mode.StdOut, Is.EqualTo("Recreate 2"));
    }

    [Test]
    public async Task ApplyServerSide_CreateThenReapply_ServersideApplied()
    {
        var file = CrdFixtures.Write(_directory, "mp.yaml", Policy);

        var first = await _kubectl.RunAsync("apply", "--server-side", "-f", file);
        var again = await _kubectl.RunAsync("apply", "--server-side", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy.Replace("\"Off\"", "Initial", StringComparison.Ordinal)));

        Assert.That(first.StdOut, Does.Contain("memorypolicy.rightsizer.io/web serverside-applied"), first.ToString());
        Assert.That(again.StdOut, Does.Contain("memorypolicy.rightsizer.io/web serverside-applied"), again.ToString());
        var managers = await _kubectl.RunAsync("get", "mp", "web", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}");
        Assert.That(managers.StdOut, Is.EqualTo("kubectl"));
    }

    [Test]
    public async Task ApplyServerSide_OtherManagerOwnsField_ConflictThenForce()
    {
        await _kubectl.RunAsync("apply", "--server-side", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));
        var other = CrdFixtures.Write(_directory, "other.yaml", Policy.Replace("\"Off\"", "Recreate", StringComparison.Ordinal));

        var conflict = await _kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "-f", other);
        var forced = await _kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", other);

        Assert.That(conflict.ExitCode, Is.EqualTo(1));
        Assert.That(conflict.StdErr, Does.Contain("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.mode"));
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
    }

    [Test]
    public async Task Get_PrinterColumns_NormalAndWide()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var normal = await _kubectl.RunAsync("get", "memorypolicy");
        var wide = await _kubectl.RunAsync("get", "mp", "-o", "wide");

        Assert.That(normal.ExitCode, Is.Zero, normal.ToString());
        Assert.That(normal.StdOut, Does.Match(@"NAME\s+TARGET\s+MODE\s+REQUEST\s+LIMIT\s+QOS\s+CONFIDENCE\s+AGE\n"));
        Assert.That(normal.StdOut, Does.Match(@"web\s+web\s+Off\s+\d+s"));
        Assert.That(wide.StdOut, Does.Match(@"NAME\s+TARGET\s+KIND\s+MODE\s+CONTAINER\s+REQUEST\s+LIMIT\s+QOS\s+CONFIDENCE\s+PODS\s+READY\s+AGE"));
        Assert.That(wide.StdOut, Does.Match(@"web\s+web\s+Deployment\s+Off"));
    }

    [Test]
    public async Task GetYaml_List_ItemsWithDefaultsApplied()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var yaml = await _kubectl.RunAsync("get", "mp", "-o", "yaml");

        Assert.That(yaml.ExitCode, Is.Zero, yaml.ToString());
        Assert.That(yaml.StdOut, Does.Contain("kind: List"));
        Assert.That(yaml.StdOut, Does.Contain("generation: 1"));
        Assert.That(yaml.StdOut, Does.Contain("qosClass: Burstable"), "the schema default of spec.qosClass is applied");
    }

    [Test]
    public async Task Patch_MergeJsonAndDefaultStrategic_TwoPatchedOne415()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var merge = await _kubectl.RunAsync("patch", "mp", "web", "--type=merge", "-p", "{\"spec\":{\"mode\":\"Initial\"}}");
        var json = await _kubectl.RunAsync("patch", "mp", "web", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/mode\",\"value\":\"Recreate\"}]");
        var strategic = await _kubectl.RunAsync("patch", "mp", "web", "-p", "{\"spec\":{\"mode\":\"Off\"}}");
        var missing = await _kubectl.RunAsync("patch", "mp", "web", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/nope\",\"value\":1}]");

        Assert.That(merge.StdOut, Does.Contain("memorypolicy.rightsizer.io/web patched"), merge.ToString());
        Assert.That(json.StdOut, Does.Contain("memorypolicy.rightsizer.io/web patched"), json.ToString());
        Assert.That(strategic.ExitCode, Is.EqualTo(1));
        Assert.That(strategic.StdErr, Does.Contain("application/strategic-merge-patch+json is not supported by rightsizer.io/v1alpha1, Kind=MemoryPolicy: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"));
        Assert.That(missing.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task Create_EnumViolated_RefusedWithSchemaMessage()
    {
        var result = await _kubectl.RunAsync("create", "-f", CrdFixtures.Write(_directory, "bad.yaml", Policy.Replace("\"Off\"", "Sometimes", StringComparison.Ordinal)));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StdErr, Does.Contain("spec.mode: Unsupported value: \"Sometimes\": supported values: \"Off\", \"Initial\", \"Recreate\", \"InPlace\""));
    }

    [Test]
    public async Task Create_UnknownFieldStrict_Refused()
    {
        var result = await _kubectl.RunAsync("create", "-f", CrdFixtures.Write(_directory, "bad.yaml", Policy + "\n  bogus: 1\n"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StdErr, Does.Contain("strict decoding error: unknown field \"spec.bogus\""));
    }

    [Test]
    public async Task Delete_CustomResource_DeletedAndGone()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var deleted = await _kubectl.RunAsync("delete", "mp", "web");
        var get = await _kubectl.RunAsync("get", "mp", "web");

        Assert.That(deleted.StdOut, Does.Contain("memorypolicy.rightsizer.io \"web\" deleted"), deleted.ToString());
        Assert.That(get.StdErr, Does.Contain("Error from server (NotFound): memorypolicies.rightsizer.io \"web\" not found"));
    }

    [Test]
    public async Task WaitForReady_ObservedGeneration_MetOnlyWhenCurrent()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));
        const string stale = "{\"status\":{\"observedGeneration\":0,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Reconciled\",\"message\":\"ok\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}";
        await _kubectl.RunAsync("patch", "mp", "web", "--subresource=status", "--type=merge", "-p", stale);

        var timedOut = await _kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "--timeout=2s");
        await _kubectl.RunAsync("patch", "mp", "web", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"observedGeneration\":1}}");
        var met = await _kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "--timeout=20s");

        Assert.That(timedOut.ExitCode, Is.EqualTo(1), timedOut.ToString());
        Assert.That(met.StdOut, Does.Contain("memorypolicy.rightsizer.io/web condition met"), met.ToString());
    }
}
