using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Reconcilers;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;

namespace RightSizer.Operator.Tests.Reconcilers;

public sealed class PolicyRecommendationsTests
{
    private const string Namespace = "shop";
    private const string Container = "app";
    private static readonly DateTimeOffset AsOf = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    // Each row: workloads of the selector policy, its QoS class, the OOM risk the limit must be calibrated for, and
    // whether the fleet is large enough for that tail (else the prior scale of 10 stays). 60 workloads over 14 days
    // give about 600 backtest container-days: 6 expected exceedances at 1%, 3 at 0.5%; 2 workloads give about 20.
    private static readonly TestCaseData[] Fleets =
    [
        new TestCaseData(60, QosPolicy.Burstable, 0.01, true).SetName("Compute_SixtyWorkloadsBurstable_LimitCalibratedForOnePercent"),
        new TestCaseData(60, QosPolicy.Guaranteed, 0.005, true).SetName("Compute_SixtyWorkloadsGuaranteed_LimitCalibratedForHalfAPercent"),
        new TestCaseData(2, QosPolicy.Burstable, 0.01, false).SetName("Compute_TwoWorkloads_PriorScaleKept"),
    ];

    [TestCaseSource(nameof(Fleets))]
    public void Compute_Fleet_LimitCalibration(int workloads, QosPolicy qos, double risk, bool calibrated)
    {
        var policy = Policy(qos);
        var (target, snapshot) = Fleet(workloads);

        var result = PolicyRecommendations.Compute(policy, target, snapshot, new RecommendationEngine());

        var recommendation = result.Recommendations.Single();
        var limit = recommendation.LimitCalibration!;
        Assert.That(limit.TargetRisk, Is.EqualTo(risk));
        Assert.That(limit.DataWeight, calibrated ? Is.GreaterThan(0.4) : Is.Zero);
        Assert.That(limit.FleetScale, calibrated ? Is.Not.EqualTo(MemoryPolicyDefaults.LimitHeadroomScale).Within(0.5) : Is.EqualTo(MemoryPolicyDefaults.LimitHeadroomScale));
        var evidence = calibrated
            ? FormattableString.Invariant($"fleet {limit.FleetScale:0.##} from ")
            : FormattableString.Invariant($"prior {limit.FleetScale:0.##}, ");
        Assert.That(
            recommendation.Reasons.Select(r => r.Text),
            Has.Some.Contains(FormattableString.Invariant($"(scale {limit.Scale:0.##} for {risk * 100:0.##}% OOM risk: {evidence}")));
        Assert.That(recommendation.RequestCalibration!.TargetRisk, Is.EqualTo(MemoryPolicyDefaults.OverRequestRisk));
    }

    [Test]
    public void Compute_SelectorOverManyWorkloads_FleetIsEachWorkloadsOwnSeries()
    {
        var policy = Policy(QosPolicy.Burstable);
        var (target, snapshot) = Fleet(60);
        var settings = PolicySettingsResolver.Resolve(policy.Spec, Container);
        var expected = FleetCalibrations.Calibrate(snapshot.Histories.Values.Select(h => (h, settings)), AsOf)[settings].Calibration!;

        var result = PolicyRecommendations.Compute(policy, target, snapshot, new RecommendationEngine());

        var recommendation = result.Recommendations.Single();
        Assert.That(recommendation.LimitCalibration!.FleetScale, Is.EqualTo(expected.Limit.Scale));
        Assert.That(recommendation.LimitCalibration.ContainerDays, Is.EqualTo(expected.Limit.ContainerDays));
        Assert.That(recommendation.RequestCalibration!.FleetScale, Is.EqualTo(expected.Request.Scale));
    }

    [Test]
    public void Compute_ContainerModeOff_NotSizedAndListed()
    {
        var policy = Policy(QosPolicy.Burstable);
        policy.Spec.Containers = [new V1alpha1ContainerPolicy { ContainerName = Container, Mode = ContainerMode.Off }];
        var (target, snapshot) = Fleet(3);

        var result = PolicyRecommendations.Compute(policy, target, snapshot, new RecommendationEngine());

        Assert.That(result.OffContainers, Is.EquivalentTo(new[] { Container }));
        Assert.That(result.Recommendations.Single().HasValue, Is.False);
    }

    private static V1alpha1MemoryPolicy Policy(QosPolicy qos)
    {
        var policy = MemoryPolicy("fleet", Namespace).ForLabels(("tier", "web")).Build();
        policy.Spec.QosClass = qos;
        return policy;
    }

    /// <summary>
    /// Workloads web-0 .. web-(n-1), each with one pod and 14 days of 5-minute usage: a level between 200 and 800 MiB, a
    /// daily cycle, noise, and on some days a burst; seeded, so every run sees the same fleet.
    /// </summary>
    private static (ResolvedTarget Target, HistorySnapshot Snapshot) Fleet(int workloads)
    {
        var random = new Random(42);
        var refs = new List<WorkloadState>();
        var pods = new List<V1Pod>();
        var histories = new Dictionary<string, ContainerHistory>(StringComparer.Ordinal);
        var start = AsOf.ToUnixTimeSeconds() - (14 * 86_400);
        for (var w = 0; w < workloads; w++)
        {
            var workload = new WorkloadRef("Deployment", $"web-{w}");
            refs.Add(new WorkloadState(workload, 1, RollingOut: false));
            pods.Add(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"web-{w}-7d9f8c6b5-x", NamespaceProperty = Namespace, CreationTimestamp = AsOf.UtcDateTime.AddDays(-14) },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = Container }] },
            });
            var level = (200 + (600 * random.NextDouble())) * 1024 * 1024;
            var samples = new Sample[14 * 288];
            var burst = 0.0;
            for (var i = 0; i < samples.Length; i++)
            {
                if (i % 288 == 0)
                {
                    burst = random.NextDouble() < 0.2 ? level * 0.3 * random.NextDouble() : 0;
                }

                var t = start + (i * 300L);
                var daily = 1 + (0.1 * Math.Sin(2 * Math.PI * (i % 288) / 288));
                var value = (level * daily) + (level * 0.02 * random.NextDouble()) + (i % 288 is > 100 and < 110 ? burst : 0);
                samples[i] = new Sample(t, value);
            }

            var history = new ContainerHistory(SeriesKey.ForContainer(Namespace, workload.Kind, workload.Name, Container), samples);
            histories[HistorySnapshot.Key(MemorySignal.WorkingSet, Namespace, workload, Container)] = history;
        }

        var target = new ResolvedTarget(true, $"{workloads} workloads", refs, pods);
        return (target, new HistorySnapshot(AsOf, TimeSpan.FromDays(14), histories));
    }
}
