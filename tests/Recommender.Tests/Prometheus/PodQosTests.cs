using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Prometheus;
using Resources = RightSizer.Recommender.Prometheus.PodQos.ContainerResources;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class PodQosTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(new[] { new Resources(512, 512, 500, 500) }, QosClass.Guaranteed, true).SetName("Classify_LimitsEqualRequests_Guaranteed"),
        new TestCaseData(new[] { new Resources(null, 512, null, 500) }, QosClass.Guaranteed, true).SetName("Classify_LimitsOnly_RequestsDefaultToLimitsGuaranteed"),
        new TestCaseData(new[] { new Resources(256, 512, 500, 500) }, QosClass.Burstable, true).SetName("Classify_MemoryLimitAboveRequest_Burstable"),
        new TestCaseData(new[] { new Resources(512, 512, 250, 500) }, QosClass.Burstable, false).SetName("Classify_CpuLimitAboveRequest_BurstableCpuNotGuaranteed"),
        new TestCaseData(new[] { new Resources(512, 512, 500, 500), new Resources(null, null, null, null) }, QosClass.Burstable, false).SetName("Classify_GuaranteedAndBestEffortContainers_Burstable"),
        new TestCaseData(new[] { new Resources(null, null, null, null) }, QosClass.BestEffort, false).SetName("Classify_NothingSet_BestEffort"),
        new TestCaseData(new[] { new Resources(256, null, null, null) }, QosClass.Burstable, false).SetName("Classify_RequestOnly_Burstable"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Classify_Containers_QosByKubeletRules(Resources[] containers, QosClass expectedClass, bool expectedCpuGuaranteed) =>
        Assert.That(PodQos.Classify(containers), Is.EqualTo((expectedClass, expectedCpuGuaranteed)));
}
