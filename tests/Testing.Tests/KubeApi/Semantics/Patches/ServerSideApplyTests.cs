using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Patches;

public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly Func<IReadOnlyList<string>, ListMergeStrategy> PodLists = path => BuiltInPatchStrategies.For("Pod", path);
    private static readonly Func<IReadOnlyList<string>, ListMergeStrategy> NoLists = _ => ListMergeStrategy.Replace;

    private static JsonObject Policy(string mode, string target = "web")
    {
        var policy = JsonNode.Parse("""{"apiVersion":"rightsizer.io/v1alpha1","kind":"MemoryPolicy","metadata":{"name":"web","namespace":"default"},"spec":{"mode":"","targetRef":{"name":""}}}""")!.AsObject();
        policy["spec"]!["mode"] = mode;
        policy["spec"]!["targetRef"]!["name"] = target;
        return policy;
    }

    [Test]
    public void Apply_CreateOnApply_ManagerOwnsEveryAppliedField()
    {
        var created = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);

        var entry = created["metadata"]!["managedFields"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(created["spec"]!["mode"]!.GetValue<string>(), Is.EqualTo("Off"));
            Assert.That(entry["manager"]!.GetValue<string>(), Is.EqualTo("kubectl"));
            Assert.That(entry["operation"]!.GetValue<string>(), Is.EqualTo("Apply"));
            Assert.That(entry["time"]!.GetValue<string>(), Is.EqualTo("2026-12-01T22:00:00Z"));
            Assert.That(entry["fieldsV1"]!.ToJsonString(), Is.EqualTo("""{"f:spec":{"f:mode":{},"f:targetRef":{"f:name":{}}}}"""));
        });
    }

    [Test]
    public void Apply_SameManagerChangesItsField_NoConflict()
    {
        var live = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);

        var updated = ServerSideApply.Apply(live, Policy("Auto"), "kubectl", force: false, T0.AddMinutes(1), NoLists);

        Assert.That(updated["spec"]!["mode"]!.GetValue<string>(), Is.EqualTo("Auto"));
    }

    [Test]
    public void Apply_OtherApplyManagerOwnsField_ConflictWithTheRealMessage()
    {
        var live = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);

        var status = Assert.Throws<ApiStatusException>(() => ServerSideApply.Apply(live, Policy("Auto"), "rightsizer", force: false, T0, NoLists))!.Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.Code, Is.EqualTo(409));
            Assert.That(status.Reason, Is.EqualTo("Conflict"));
            Assert.That(status.Message, Is.EqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.mode"));
            Assert.That(status.ToJson()["details"]!["causes"]!.ToJsonString(GoJson.Options),
                Is.EqualTo("""[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl\"","field":".spec.mode"}]"""));
        });
    }

    [Test]
    public void Apply_UpdateManagerOwnsFields_ConflictNamesVersionAndTime()
    {
        var live = ServerSideApply.RecordUpdate(null, Policy("Off", "api"), "kubectl-client-side-apply", T0, NoLists);

        var status = Assert.Throws<ApiStatusException>(() => ServerSideApply.Apply(live, Policy("Auto", "web"), "kubectl", force: false, T0, NoLists))!.Status;

        Assert.That(status.Message, Is.EqualTo("Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using rightsizer.io/v1alpha1 at 2026-12-01T22:00:00Z:\n- .spec.mode\n- .spec.targetRef.name"));
    }

    [Test]
    public void Apply_Force_TakesTheFieldOver()
    {
        var live = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);

        var forced = ServerSideApply.Apply(live, Policy("Auto"), "rightsizer", force: true, T0, NoLists);

        var kubectlFields = forced["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(forced["spec"]!["mode"]!.GetValue<string>(), Is.EqualTo("Auto"));
            Assert.That(kubectlFields, Does.Not.Contain("f:mode"));
            Assert.That(forced["metadata"]!["managedFields"]![1]!["manager"]!.GetValue<string>(), Is.EqualTo("rightsizer"));
        });
    }

    [Test]
    public void Apply_SameValueFromTwoManagers_SharedWithoutConflict()
    {
        var live = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);

        var shared = ServerSideApply.Apply(live, Policy("Off"), "rightsizer", force: false, T0, NoLists);

        Assert.That(shared["metadata"]!["managedFields"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public void Apply_FieldDroppedFromConfiguration_RemovedWhenNobodyElseOwnsIt()
    {
        var withLabels = Policy("Off");
        withLabels["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };
        var live = ServerSideApply.Apply(null, withLabels, "kubectl", force: false, T0, NoLists);

        var reapplied = ServerSideApply.Apply(live, Policy("Off"), "kubectl", force: false, T0, NoLists);

        Assert.That(reapplied["metadata"]!["labels"]?["team"], Is.Null);
    }

    [Test]
    public void Apply_ContainersByName_OtherManagersContainerKept()
    {
        var mine = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""")!.AsObject();
        var theirs = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"side","image":"envoy"}]}}""")!.AsObject();
        var live = ServerSideApply.Apply(null, mine, "kubectl", force: false, T0, PodLists);

        var merged = ServerSideApply.Apply(live, theirs, "injector", force: false, T0, PodLists);

        Assert.Multiple(() =>
        {
            Assert.That(merged["spec"]!["containers"]!.ToJsonString(), Is.EqualTo("""[{"name":"app","image":"nginx"},{"name":"side","image":"envoy"}]"""));
            Assert.That(merged["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString(GoJson.Options),
                Is.EqualTo("""{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{}}}}}"""));
        });
    }

    [Test]
    public void RecordUpdate_ChangedFieldOwnedByWriter_RemovedFromApplyManager()
    {
        var live = ServerSideApply.Apply(null, Policy("Off"), "kubectl", force: false, T0, NoLists);
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["mode"] = "Auto";

        var recorded = ServerSideApply.RecordUpdate(live, edited, "kubectl-edit", T0, NoLists);

        var entries = recorded["metadata"]!["managedFields"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(entries[0]!["fieldsV1"]!.ToJsonString(), Does.Not.Contain("f:mode"));
            Assert.That(entries[1]!["manager"]!.GetValue<string>(), Is.EqualTo("kubectl-edit"));
            Assert.That(entries[1]!["operation"]!.GetValue<string>(), Is.EqualTo("Update"));
            Assert.That(entries[1]!["fieldsV1"]!.ToJsonString(), Is.EqualTo("""{"f:spec":{"f:mode":{}}}"""));
        });
    }

    [Test]
    public void FieldPaths_RoundTripThroughFieldsV1_Unchanged()
    {
        var paths = FieldPaths.Of(JsonNode.Parse("""{"metadata":{"labels":{"a":"1"},"finalizers":["x"]},"spec":{"containers":[{"name":"app","image":"i"}]}}""")!.AsObject(), PodLists);

        var roundTripped = FieldPaths.FromFieldsV1(FieldPaths.ToFieldsV1(paths));

        Assert.That(roundTripped, Is.EqualTo(paths));
    }
}
