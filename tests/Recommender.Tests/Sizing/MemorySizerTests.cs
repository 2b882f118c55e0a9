using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Sizing;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Sizing;

public sealed class MemorySizerTests
{
    // A constant 400 Mi: p90 = peak = 400 Mi, √400 = 20, so the request headroom is 2 × 20 = 40 Mi and the limit
    // headroom 10 × 20 = 200 Mi.
    private static readonly Sample[] Flat400 = Traces.Constant(400);

    private static readonly CurrentResources CpuGuaranteed = new(Memory.FromMiB(512), Memory.FromMiB(512), 500, 500, QosClass.Guaranteed, true);
    private static readonly CurrentResources CpuBurstable = new(Memory.FromMiB(256), Memory.FromMiB(512), 100, 500, QosClass.Burstable, false);

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(new RecommendationSettings(), null, 440.0, 680.0, QosClass.Burstable)
            .SetName("Size_Defaults_RequestP90PlusHeadroomLimitPeakPlus20PercentPlusHeadroom"),
        new TestCaseData(new RecommendationSettings { QosClass = QosPolicy.Guaranteed }, CpuGuaranteed, 600.0, 600.0, QosClass.Guaranteed)
            .SetName("Size_Guaranteed_RequestEqualsLimitWithoutMargin"),
        new TestCaseData(new RecommendationSettings { QosClass = QosPolicy.Guaranteed }, CpuBurstable, 600.0, 600.0, QosClass.Burstable)
            .SetName("Size_GuaranteedButCpuBurstable_StaysBurstable"),
        new TestCaseData(new RecommendationSettings { QosClass = QosPolicy.Preserve }, CpuGuaranteed, 600.0, 600.0, QosClass.Guaranteed)
            .SetName("Size_PreserveGuaranteedPod_KeepsGuaranteed"),
        new TestCaseData(new RecommendationSettings { QosClass = QosPolicy.Preserve }, CpuBurstable, 440.0, 680.0, QosClass.Burstable)
            .SetName("Size_PreserveBurstablePod_KeepsBurstable"),
        new TestCaseData(new RecommendationSettings { LimitStrategy = LimitStrategy.None }, null, 440.0, null, QosClass.Burstable)
            .SetName("Size_LimitStrategyNone_NoLimit"),
        new TestCaseData(new RecommendationSettings { LimitMargin = 0.5, RequestMargin = 0.1 }, null, 480.0, 800.0, QosClass.Burstable)
            .SetName("Size_ExplicitMargins_Applied"),
        new TestCaseData(new RecommendationSettings { RequestHeadroomScale = 0, LimitHeadroomScale = 0 }, null, 400.0, 480.0, QosClass.Burstable)
            .SetName("Size_HeadroomOff_PlainPercentileAndPeakMargin"),
        new TestCaseData(new RecommendationSettings { ControlledValues = ControlledValues.RequestsOnly }, CpuBurstable, 440.0, 512.0, QosClass.Burstable)
            .SetName("Size_RequestsOnly_KeepsCurrentLimit"),
        new TestCaseData(new RecommendationSettings { MinAllowed = Memory.FromMiB(1024) }, null, 1024.0, 1024.0, QosClass.Guaranteed)
            .SetName("Size_BelowMinAllowed_RaisedToMinimum"),
        new TestCaseData(new RecommendationSettings { MaxAllowed = Memory.FromMiB(500) }, null, 440.0, 500.0, QosClass.Burstable)
            .SetName("Size_AboveMaxAllowed_LimitLowered"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Size_Table(RecommendationSettings settings, CurrentResources? current, double requestMib, double? limitMib, QosClass qos)
    {
        var sized = MemorySizer.Size(Flat400, Traces.End, settings, [], current);

        Assert.Multiple(() =>
        {
            Assert.That(sized.Request.Bytes / Traces.MiB, Is.EqualTo(requestMib));
            Assert.That(sized.Limit?.Bytes / Traces.MiB, Is.EqualTo(limitMib));
            Assert.That(sized.QosClass, Is.EqualTo(qos));
        });
    }

    [Test]
    public void Size_CpuBurstableAskedGuaranteed_WarnsWhy()
    {
        var sized = MemorySizer.Size(Flat400, Traces.End, new RecommendationSettings { QosClass = QosPolicy.Guaranteed }, [], CpuBurstable);

        Assert.That(sized.Reasons, Has.Some.Property(nameof(Reason.Code)).EqualTo(ReasonCode.CpuKeepsBurstable));
    }

    [Test]
    public void Size_OomKillAtHigherLimit_LimitRaisedToBumpedFloor()
    {
        var kills = new[] { new OomKill(Traces.End - Traces.Day, Memory.FromMiB(1000)) };

        var sized = MemorySizer.Size(Flat400, Traces.End, new RecommendationSettings(), kills, null);

        Assert.Multiple(() =>
        {
            Assert.That(sized.Limit?.Bytes / Traces.MiB, Is.EqualTo(1200));
            Assert.That(sized.Reasons.Where(r => r.Code == ReasonCode.OomBump).Select(r => r.Text), Has.Some.StartsWith("oom-bump: 1 kill(s) in window, last at limit 1000Mi"));
        });
    }

    [Test]
    public void Size_OomKill_WidensHeadroomOverPeak()
    {
        var kills = new[] { new OomKill(Traces.End - Traces.Day, null) };

        var sized = MemorySizer.Size(Flat400, Traces.End, new RecommendationSettings(), kills, null);

        // 400 × 1.2 + 200 × (1 + 2) = 1080 Mi.
        Assert.That(sized.Limit?.Bytes / Traces.MiB, Is.EqualTo(1080));
    }

    [Test]
    public void Size_Leak_LimitCoversProjection()
    {
        var sized = MemorySizer.Size(Traces.Leak(300, 40), Traces.End, new RecommendationSettings(), [], null);

        Assert.Multiple(() =>
        {
            Assert.That(sized.Trend!.Significant, Is.True);
            Assert.That(sized.Limit, Is.GreaterThanOrEqualTo(sized.Trend.ProjectedPeak));
            Assert.That(sized.Reasons.Where(r => r.Code == ReasonCode.Trend).Select(r => r.Text), Has.Some.StartsWith("trend: +40Mi/day, projected"));
        });
    }

    [Test]
    public void Size_AnyShape_WholeMiBAndLimitNotBelowRequest()
    {
        var sized = MemorySizer.Size(Traces.Noisy(Traces.DailyCycle(333.3, 50)), Traces.End, new RecommendationSettings(), [], null);

        Assert.Multiple(() =>
        {
            Assert.That(sized.Request.Bytes % Memory.MiB, Is.Zero);
            Assert.That(sized.Limit!.Value.Bytes % Memory.MiB, Is.Zero);
            Assert.That(sized.Limit.Value, Is.GreaterThanOrEqualTo(sized.Request));
        });
    }
}
