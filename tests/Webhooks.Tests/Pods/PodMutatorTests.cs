using System.Text.Json.Nodes;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Testing.Builders;
using RightSizer.Webhooks.Pods;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;
using static RightSizer.Webhooks.Tests.Pods.AppliedPatch;

namespace RightSizer.Webhooks.Tests.Pods;

/// <summary>
/// Every row builds a pod as sent, mutates it, applies the patch with an RFC 6902 library and checks the resulting
/// pod; then mutates the result again, as a reinvocation would, and expects no further change.
/// </summary>
public sealed class PodMutatorTests
{
    private const string Containers = ContainerSlot.Containers;
    private const string Init = ContainerSlot.InitContainers;

    private static IEnumerable<TestCaseData> Cases()
    {
        var web = MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi");

        yield return Row("Mutate_NoResources_ResourcesCreated", DeploymentPod(_ => { }), [web.Build()], r =>
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_EmptyResources_RequestsAndLimitsCreated", DeploymentPod(c => c.EmptyResources()), [web.Build()], r =>
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_OnlyLimits_RequestsCreatedLimitReplaced", DeploymentPod(c => c.Limits("1Gi")), [web.Build()], r =>
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_OnlyRequests_LimitsCreated", DeploymentPod(c => c.Requests("100Mi")), [web.Build()], r =>
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_CpuSet_CpuUntouched", DeploymentPod(c => c.Requests("100Mi", "250m").Limits(null, "1")), [web.Build()], r =>
        {
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
            Assert.That(r.Pod["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>(), Is.EqualTo("250m"));
            Assert.That(r.Pod["spec"]!["containers"]![0]!["resources"]!["limits"]!["cpu"]!.GetValue<string>(), Is.EqualTo("1"));
        });
        yield return Row("Mutate_AlreadyAtRecommendation_Unchanged", DeploymentPod(c => c.Requests("300Mi").Limits("600Mi")), [web.Build()], r =>
        {
            Expect(r, "300Mi", "600Mi", MutationReasons.Unchanged);
            Assert.That(r.Mutation.Patch, Is.Empty);
        });
        yield return Row("Mutate_SameValueOtherUnit_Unchanged", DeploymentPod(c => c.Requests("314572800").Limits("600Mi")), [web.Build()], r =>
            Assert.That(r.Mutation.Patch, Is.Empty));
        yield return Row("Mutate_RequestsOnly_LimitKept",
            DeploymentPod(c => c.Limits("1Gi")),
            [MemoryPolicy().ForDeployment("web").Container("app", controlledValues: ControlledValues.RequestsOnly).Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "300Mi", "1Gi", MutationReasons.Applied));
        yield return Row("Mutate_RequestsOnlyAboveLimit_RequestCappedAtLimit",
            DeploymentPod(c => c.Limits("200Mi")),
            [MemoryPolicy().ForDeployment("web").Container("app", controlledValues: ControlledValues.RequestsOnly).Recommend("app", "300Mi", "600Mi").Build()],
            r =>
            {
                Expect(r, "200Mi", "200Mi", MutationReasons.Applied);
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("capped at the container's limit 200Mi"));
            });
        yield return Row("Mutate_NoRecommendedLimit_LimitKept", DeploymentPod(c => c.Limits("2Gi")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi").Build()],
            r => Expect(r, "300Mi", "2Gi", MutationReasons.Applied));
        yield return Row("Mutate_BelowMinAllowed_RaisedToMin", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Container("app", minAllowed: "512Mi").Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "512Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_AboveMaxAllowed_CappedAtMax", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Container("app", maxAllowed: "400Mi").Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "300Mi", "400Mi", MutationReasons.Applied));
        yield return Row("Mutate_LimitRangeMax_BothCapped", DeploymentPod(_ => { }), [web.Build()], r =>
        {
            Expect(r, "250Mi", "250Mi", MutationReasons.Applied);
            Assert.That(r.Mutation.Warnings, Has.Some.Contains("LimitRange gives request 250Mi limit 250Mi"));
        }, limitRange: new MemoryLimitRange(null, Memory.FromMiB(250), null, null));
        yield return Row("Mutate_LimitRangeMin_BothRaised", DeploymentPod(_ => { }), [web.Build()], r =>
            Expect(r, "400Mi", "600Mi", MutationReasons.Applied), limitRange: new MemoryLimitRange(Memory.FromMiB(400), null, null, null));
        yield return Row("Mutate_LimitRangeRatio_RequestRaised",
            DeploymentPod(_ => { }), [MemoryPolicy().ForDeployment("web").Recommend("app", "100Mi", "1Gi").Build()], r =>
            {
                Expect(r, "512Mi", "1Gi", MutationReasons.Applied);
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("LimitRange"));
            }, limitRange: new MemoryLimitRange(null, null, null, 2m));
        yield return Row("Mutate_LimitRangeDefaultLimitRequestsOnly_RequestCappedAtDefault",
            DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Container("app", controlledValues: ControlledValues.RequestsOnly).Recommend("app", "300Mi", "600Mi").Build()],
            r => Assert.That(MemoryOf(r.Pod, Containers, 0, "requests"), Is.EqualTo("256Mi")),
            limitRange: new MemoryLimitRange(null, null, Memory.FromMiB(256), null));
        yield return Row("Mutate_QuotaLeavesLittle_IncreaseCutToFit", DeploymentPod(c => c.Requests("100Mi").Limits("200Mi")), [web.Build()], r =>
        {
            Expect(r, "250Mi", "600Mi", MutationReasons.Applied);
            Assert.That(r.Mutation.Warnings, Has.Some.Contains("ResourceQuota leaves room for request 250Mi limit 600Mi"));
        }, quota: new QuotaHeadroom(Memory.FromMiB(250), null));
        yield return Row("Mutate_QuotaOnLimits_LimitCutRequestFollows", DeploymentPod(c => c.Requests("100Mi").Limits("200Mi")), [web.Build()], r =>
            Expect(r, "250Mi", "250Mi", MutationReasons.Applied), quota: new QuotaHeadroom(null, Memory.FromMiB(250)));
        yield return Row("Mutate_QuotaExhausted_DecreaseStillApplies", DeploymentPod(c => c.Requests("1Gi").Limits("2Gi")), [web.Build()], r =>
            Expect(r, "300Mi", "600Mi", MutationReasons.Applied), quota: new QuotaHeadroom(Memory.Zero, Memory.Zero));
        yield return Row("Mutate_QuotaCountsOtherContainers_NoRoomLeft",
            Pod().OfDeployment("web").WithContainer("app", c => c.Requests("100Mi")).WithContainer("cache", c => c.Requests("400Mi")).Build(),
            [web.Build()], r => Assert.That(MemoryOf(r.Pod, Containers, 0, "requests"), Is.EqualTo("100Mi")),
            quota: new QuotaHeadroom(Memory.FromMiB(500), null));
        yield return Row("Mutate_SeveralContainers_EachFromItsRecommendation",
            Pod().OfDeployment("web").WithContainer("app").WithContainer("proxy", c => c.Requests("32Mi")).WithContainer("log").Build(),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi").Recommend("proxy", "64Mi", "128Mi").Build()], r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(MemoryOf(r.Pod, Containers, 1, "requests"), Is.EqualTo("64Mi"));
                Assert.That(MemoryOf(r.Pod, Containers, 1, "limits"), Is.EqualTo("128Mi"));
                Assert.That(r.Pod["spec"]!["containers"]![2]!["resources"], Is.Null);
            });
        yield return Row("Mutate_ContainerModeOff_ContainerUntouched",
            Pod().OfDeployment("web").WithContainer("app").WithContainer("proxy").Build(),
            [MemoryPolicy().ForDeployment("web").Container("*", mode: ContainerMode.Off).Container("app").Recommend("app", "300Mi", "600Mi").Recommend("proxy", "64Mi", "128Mi").Build()],
            r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(r.Pod["spec"]!["containers"]![1]!["resources"], Is.Null);
            });
        yield return Row("Mutate_InitAndSidecarNotNamed_Untouched",
            Pod().OfDeployment("web").WithInitContainer("migrate").WithInitContainer("mesh", c => c.Sidecar()).WithContainer("app").Build(),
            [MemoryPolicy().ForDeployment("web").Container("*").Recommend("app", "300Mi", "600Mi").Recommend("migrate", "64Mi", "64Mi").Recommend("mesh", "32Mi", "64Mi").Build()],
            r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(r.Pod["spec"]!["initContainers"]![0]!["resources"], Is.Null);
                Assert.That(r.Pod["spec"]!["initContainers"]![1]!["resources"], Is.Null);
            });
        yield return Row("Mutate_InitAndSidecarNamed_Sized",
            Pod().OfDeployment("web").WithInitContainer("migrate").WithInitContainer("mesh", c => c.Sidecar().EmptyResources()).WithContainer("app").Build(),
            [MemoryPolicy().ForDeployment("web").Container("migrate").Container("mesh").Recommend("app", "300Mi", "600Mi").Recommend("migrate", "64Mi", "64Mi").Recommend("mesh", "32Mi", "64Mi").Build()],
            r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(MemoryOf(r.Pod, Init, 0, "limits"), Is.EqualTo("64Mi"));
                Assert.That(MemoryOf(r.Pod, Init, 1, "requests"), Is.EqualTo("32Mi"));
            });
        yield return Row("Mutate_JvmWithoutEnv_JavaToolOptionsAdded", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()],
            r => Assert.That(Env(r.Pod, 0, "JAVA_TOOL_OPTIONS"), Is.EqualTo("-XX:MaxRAMPercentage=75.0")));
        yield return Row("Mutate_JvmExistingJavaToolOptions_Appended", DeploymentPod(c => c.Env("TZ", "UTC").Env("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()], r =>
            {
                Assert.That(Env(r.Pod, 0, "JAVA_TOOL_OPTIONS"), Is.EqualTo("-Dfile.encoding=UTF-8 -XX:MaxRAMPercentage=75.0"));
                Assert.That(Env(r.Pod, 0, "TZ"), Is.EqualTo("UTC"));
            });
        yield return Row("Mutate_JvmOtherEnv_VariableAppendedToList", DeploymentPod(c => c.Env("TZ", "UTC")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()],
            r => Assert.That(r.Pod["spec"]!["containers"]![0]!["env"]!.AsArray(), Has.Count.EqualTo(2)));
        yield return Row("Mutate_JvmExplicitXmxInArgs_NotAddedWarned", DeploymentPod(c => c.Command("java").Args("-Xmx512m", "-jar", "app.jar")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()], r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(Env(r.Pod, 0, "JAVA_TOOL_OPTIONS"), Is.Null);
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("explicit -Xmx"));
            });
        yield return Row("Mutate_JvmExplicitXmxInEnv_NotAddedWarned", DeploymentPod(c => c.Env("JAVA_TOOL_OPTIONS", "-Xmx1g")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()], r =>
            {
                Assert.That(Env(r.Pod, 0, "JAVA_TOOL_OPTIONS"), Is.EqualTo("-Xmx1g"));
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("explicit -Xmx"));
            });
        yield return Row("Mutate_JvmUserMaxRamPercentage_UserWins", DeploymentPod(c => c.Env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=50")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()], r =>
            {
                Assert.That(Env(r.Pod, 0, "JAVA_TOOL_OPTIONS"), Is.EqualTo("-XX:MaxRAMPercentage=50"));
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("wins over -XX:MaxRAMPercentage=75.0"));
            });
        yield return Row("Mutate_JvmJavaToolOptionsFromSecret_Untouched", DeploymentPod(c => c.EnvFromSecret("JAVA_TOOL_OPTIONS", "jvm")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Build()], r =>
            {
                Assert.That(r.Pod["spec"]!["containers"]![0]!["env"]![0]!["valueFrom"], Is.Not.Null);
                Assert.That(r.Pod["spec"]!["containers"]![0]!["env"]![0]!["value"], Is.Null);
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("valueFrom"));
            });
        yield return Row("Mutate_DotNet_HeapHardLimitPercentAddedInHex", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", DotNetHeap()).Build()],
            r => Assert.That(Env(r.Pod, 0, "DOTNET_GCHeapHardLimitPercent"), Is.EqualTo("0x4B")));
        yield return Row("Mutate_DotNetUserSetPercent_UserWinsWarned", DeploymentPod(c => c.Env("DOTNET_GCHeapHardLimitPercent", "0x32")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", DotNetHeap()).Build()], r =>
            {
                Assert.That(Env(r.Pod, 0, "DOTNET_GCHeapHardLimitPercent"), Is.EqualTo("0x32"));
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("set by the pod (0x32)"));
            });
        yield return Row("Mutate_DotNetHardLimitSet_PercentNotAdded", DeploymentPod(c => c.Env("DOTNET_GCHeapHardLimit", "0xC800000")),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "300Mi", "600Mi", DotNetHeap()).Build()], r =>
            {
                Assert.That(Env(r.Pod, 0, "DOTNET_GCHeapHardLimitPercent"), Is.Null);
                Assert.That(r.Mutation.Warnings, Has.Some.Contains("DOTNET_GCHeapHardLimit is set"));
            });
        yield return Row("Mutate_GenerateNamePod_AnnotatedWithPolicyAndPrevious", DeploymentPod(c => c.Requests("100Mi")),
            [MemoryPolicy().ForDeployment("web").Generation(3).Recommend("app", "300Mi", "600Mi").Build()], r =>
            {
                Assert.That(r.Pod["metadata"]!["name"], Is.Null);
                Assert.That(r.Pod["metadata"]!["annotations"]!["rightsizer.io/applied"]!.GetValue<string>(), Is.EqualTo("web@3"));
                Assert.That(r.Pod["metadata"]!["annotations"]!["rightsizer.io/previous-memory"]!.GetValue<string>(), Is.EqualTo("""{"app":{"request":"100Mi"}}"""));
                Assert.That(r.Mutation.Warnings, Has.Some.EqualTo("memory set by MemoryPolicy shop/web: app request 300Mi limit 600Mi"));
            });
        yield return Row("Mutate_ExistingAnnotations_KeysEscapedAndKept",
            Pod().OfDeployment("web").WithAnnotation("team/owner", "a~b").WithContainer("app").Build(), [web.Build()], r =>
            {
                Assert.That(r.Pod["metadata"]!["annotations"]!["team/owner"]!.GetValue<string>(), Is.EqualTo("a~b"));
                Assert.That(r.Pod["metadata"]!["annotations"]!["rightsizer.io/applied"]!.GetValue<string>(), Is.EqualTo("web@1"));
                Assert.That(r.Mutation.Patch.Select(o => o.Path), Has.Some.EqualTo("/metadata/annotations/rightsizer.io~1applied"));
            });
        yield return Row("Mutate_ReplicaSetNotCached_DeploymentFromTemplateHash", DeploymentPod(_ => { }), [web.Build()],
            r => Expect(r, "300Mi", "600Mi", MutationReasons.Applied), cacheReplicaSet: false);
        yield return Row("Mutate_CronJobPod_ResolvedThroughJob",
            Pod().GenerateName("nightly-29000000-").OwnedBy("Job", "nightly-29000000").WithContainer("app").Build(),
            [MemoryPolicy().For(WorkloadKind.CronJob, "nightly").Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_StatefulSetPod_Matched",
            Pod().Named("db-0").OwnedBy("StatefulSet", "db").WithContainer("app").Build(),
            [MemoryPolicy().For(WorkloadKind.StatefulSet, "db").Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_BarePodMatchedBySelector_Applied",
            Pod().Named("p1").WithLabel("tier", "api").WithContainer("app").Build(),
            [MemoryPolicy("api").ForLabels(("tier", "api")).Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_TargetRefAndSelectorMatch_TargetRefWins", DeploymentPod(_ => { }),
            [MemoryPolicy("aaa").ForLabels(("app", "web")).Recommend("app", "100Mi", "100Mi").Build(), web.Build()],
            r => Expect(r, "300Mi", "600Mi", MutationReasons.Applied));
        yield return Row("Mutate_TwoSelectorsMatch_FirstByNameWarned",
            Pod().Named("p1").WithLabel("app", "web").WithContainer("app").Build(),
            [MemoryPolicy("zeta").ForLabels(("app", "web")).Recommend("app", "100Mi", "100Mi").Build(), MemoryPolicy("alpha").ForLabels(("app", "web")).Recommend("app", "300Mi", "600Mi").Build()],
            r =>
            {
                Expect(r, "300Mi", "600Mi", MutationReasons.Applied);
                Assert.That(r.Mutation.Warnings, Has.Some.EqualTo("2 MemoryPolicies select this pod (alpha, zeta): using alpha"));
            });
        yield return Row("Mutate_PolicyInOtherNamespace_NoChange", DeploymentPod(_ => { }),
            [MemoryPolicy("web", "other").ForDeployment("web").Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, null, null, MutationReasons.NoPolicy));
        yield return Row("Mutate_PolicyModeOff_NoChange", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Mode(PolicyMode.Off).Recommend("app", "300Mi", "600Mi").Build()],
            r => Expect(r, null, null, MutationReasons.PolicyOff));
        yield return Row("Mutate_NoRecommendationYet_NoChangeWarned", DeploymentPod(_ => { }), [MemoryPolicy().ForDeployment("web").Build()], r =>
        {
            Expect(r, null, null, MutationReasons.NoRecommendation);
            Assert.That(r.Mutation.Warnings, Has.Some.Contains("no recommendation yet"));
        });
        yield return Row("Mutate_UnusableRecommendation_NoChangeWarned", DeploymentPod(_ => { }),
            [MemoryPolicy().ForDeployment("web").Recommend("app", "lots").Build()],
            r => Expect(r, null, null, MutationReasons.NoRecommendation));
    }

    [TestCaseSource(nameof(Cases))]
    public void Mutate_Case_PatchAppliesAndResultChecks(Scenario scenario)
    {
        var result = scenario.Run();

        Assert.That(result.Mutation.Patch.Select(o => o.Op), Has.All.EqualTo("add"));
        scenario.Check(result);
    }

    [TestCaseSource(nameof(Reinvocations))]
    public void Mutate_OwnOutput_NoFurtherChange(Scenario scenario)
    {
        var first = scenario.Run();

        var again = PodMutator.Mutate(View(first.Pod), scenario.Context(first.Pod));

        Assert.That(again.Patch, Is.Empty, string.Join("\n", again.Patch));
    }

    // The same rows, run a second time on their own output as reinvocationPolicy IfNeeded may do.
    private static IEnumerable<TestCaseData> Reinvocations() =>
        Cases().Select(c => new TestCaseData(c.Arguments).SetName(c.TestName!.Split('_')[0] + "Again_" + string.Join('_', c.TestName.Split('_')[1..2]) + "_NoFurtherChange"));

    private static JsonObject DeploymentPod(Action<ContainerBuilder> container) => Pod().OfDeployment("web").WithContainer("app", container).Build();

    private static void Expect(Result result, string? request, string? limit, string reason)
    {
        Assert.That(result.Mutation.Reason, Is.EqualTo(reason), string.Join("\n", result.Mutation.Warnings));
        if (request is not null)
        {
            Assert.That(MemoryOf(result.Pod, Containers, 0, "requests"), Is.EqualTo(request));
            Assert.That(MemoryOf(result.Pod, Containers, 0, "limits"), Is.EqualTo(limit));
        }
        else
        {
            Assert.That(result.Mutation.Patch, Is.Empty);
        }
    }

    private static TestCaseData Row(
        string name,
        JsonObject pod,
        V1alpha1MemoryPolicy[] policies,
        Action<Result> check,
        MemoryLimitRange? limitRange = null,
        QuotaHeadroom? quota = null,
        bool cacheReplicaSet = true) =>
        new TestCaseData(new Scenario(pod, policies, check, limitRange ?? MemoryLimitRange.None, quota ?? QuotaHeadroom.Unlimited, cacheReplicaSet)).SetName(name);

    public sealed record Result(JsonObject Pod, PodMutation Mutation);

    public sealed record Scenario(
        JsonObject Pod, V1alpha1MemoryPolicy[] Policies, Action<Result> Check, MemoryLimitRange LimitRange, QuotaHeadroom Quota, bool CacheReplicaSet)
    {
        public Result Run()
        {
            var mutation = PodMutator.Mutate(View(Pod), Context(Pod));
            return new Result(Apply(Pod, mutation.Patch), mutation);
        }

        public PodMutationContext Context(JsonObject pod)
        {
            var cache = new InMemoryAdmissionCache();
            if (CacheReplicaSet)
            {
                cache.ReplicaSets.Add(InMemoryAdmissionCache.OwnedReplicaSet("shop", "web-7d9f8c6b5", "web"));
            }

            cache.Jobs.Add(InMemoryAdmissionCache.OwnedJob("shop", "nightly-29000000", "nightly"));
            var view = View(pod);
            return new PodMutationContext("shop", Policies, WorkloadOwnerResolver.Resolve(view.Metadata, "shop", cache), LimitRange, Quota);
        }

        public override string ToString() => Pod.ToJsonString();
    }
}
