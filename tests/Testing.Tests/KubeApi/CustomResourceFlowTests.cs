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
        var crd = await _kubectl.RunAsync("apply", "-f", CrdFixtures.CommittedCrd);
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

    [Test]
    public async Task Describe_PolicyWithEvents_OwnEventsListed()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));
        var uid = (await _kubectl.RunAsync("get", "mp", "web", "-o", "jsonpath={.metadata.uid}")).StdOut;
        var events = await _kubectl.RunWithInputAsync(Events(uid), "create", "-f", "-");

        var described = await _kubectl.RunAsync("describe", "memorypolicy", "web");

        Assert.That(events.ExitCode, Is.Zero, events.ToString());
        Assert.That(described.ExitCode, Is.Zero, described.ToString());
        Assert.That(described.StdOut, Does.Match(@"Kind:\s+MemoryPolicy"));
        Assert.That(described.StdOut, Does.Match(@"Events:\s+Type\s+Reason\s+Age\s+From\s+Message"));
        Assert.That(described.StdOut, Does.Match(@"Normal\s+Recommended\s+\S+\s+rightsizer\s+container app: request 96Mi"));
        Assert.That(described.StdOut, Does.Not.Contain("policy api"), "the field selector on involvedObject leaves out another policy's events");
        Assert.That(described.StdOut, Does.Not.Contain("other policy"), "events of a namesake in another namespace are not listed");
        Assert.That(_server.Requests, Has.Some.EqualTo(new ApiRequestRecord("list", "", "events", "", "default")));
    }

    [Test]
    public async Task DeleteWait_Finalizer_WaitsUntilFinalizerRemoved()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));
        await _kubectl.RunAsync("patch", "mp", "web", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":[\"rightsizer.io/cleanup\"]}}");

        var deleting = _kubectl.RunAsync("delete", "mp", "web", "--wait", "--timeout=60s");
        var marked = await _kubectl.RunAsync("wait", "--for=jsonpath={.metadata.deletionTimestamp}", "mp/web", "--timeout=30s");
        var stillWaiting = !deleting.IsCompleted;
        var released = await _kubectl.RunAsync("patch", "mp", "web", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
        var deleted = await deleting;
        var get = await _kubectl.RunAsync("get", "mp", "web");

        Assert.That(marked.ExitCode, Is.Zero, marked.ToString());
        Assert.That(stillWaiting, Is.True, "kubectl delete --wait returns only once the object is gone");
        Assert.That(released.ExitCode, Is.Zero, released.ToString());
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(deleted.StdOut, Does.Contain("memorypolicy.rightsizer.io \"web\" deleted"));
        Assert.That(get.StdErr, Does.Contain("memorypolicies.rightsizer.io \"web\" not found"));
    }

    [Test]
    public async Task DeleteWait_NoFinalizer_ReturnsWhenGone()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var deleted = await _kubectl.RunAsync("delete", "mp", "web", "--wait", "--timeout=30s");
        var list = await _kubectl.RunAsync("get", "mp", "-o", "name");

        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(deleted.StdOut, Does.Contain("memorypolicy.rightsizer.io \"web\" deleted"));
        Assert.That(list.StdOut, Is.Empty);
    }

    [Test]
    public async Task GetYaml_SingleObject_ServerFieldsAndDefaults()
    {
        await _kubectl.RunAsync("apply", "-f", CrdFixtures.Write(_directory, "mp.yaml", Policy));

        var yaml = await _kubectl.RunAsync("get", "mp", "web", "-o", "yaml");

        Assert.That(yaml.ExitCode, Is.Zero, yaml.ToString());
        Assert.That(yaml.StdOut, Does.StartWith("apiVersion: rightsizer.io/v1alpha1\n"));
        Assert.That(yaml.StdOut, Does.Contain("\nkind: MemoryPolicy\n"));
        Assert.That(yaml.StdOut, Does.Match(@"\n  uid: [0-9a-f-]{36}\n"));
        Assert.That(yaml.StdOut, Does.Match(@"\n  resourceVersion: ""\d+""\n"));
        Assert.That(yaml.StdOut, Does.Contain("\n  namespace: default\n"));
        Assert.That(yaml.StdOut, Does.Contain("\n  mode: \"Off\"\n"), "Off is quoted, as YAML 1.1 would read it as a boolean otherwise");
        Assert.That(yaml.StdOut, Does.Contain("kubectl.kubernetes.io/last-applied-configuration"));
    }

    /// <summary>Three core/v1 Events as the operator's recorder writes them: about this policy, another policy and a namesake elsewhere.</summary>
    private static string Events(string uid) => $$"""
        apiVersion: v1
        kind: Event
        metadata: {name: web.1, namespace: default}
        involvedObject: {apiVersion: rightsizer.io/v1alpha1, kind: MemoryPolicy, name: web, namespace: default, uid: {{uid}}}
        reason: Recommended
        message: "container app: request 96Mi"
        type: Normal
        source: {component: rightsizer}
        count: 1
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:00:00Z"
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: api.1, namespace: default}
        involvedObject: {apiVersion: rightsizer.io/v1alpha1, kind: MemoryPolicy, name: api, namespace: default, uid: 00000000-0000-4000-8000-000000000001}
        reason: Recommended
        message: policy api
        type: Normal
        source: {component: rightsizer}
        count: 1
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:00:00Z"
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: other}
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web.2, namespace: other}
        involvedObject: {apiVersion: rightsizer.io/v1alpha1, kind: MemoryPolicy, name: web, namespace: other, uid: 00000000-0000-4000-8000-000000000000}
        reason: Recommended
        message: other policy
        type: Normal
        source: {component: rightsizer}
        count: 1
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:00:00Z"
        """;
}
