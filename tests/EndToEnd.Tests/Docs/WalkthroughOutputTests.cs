namespace RightSizer.EndToEnd.Tests.Docs;

public sealed class WalkthroughOutputTests
{
    private static IEnumerable<TestCaseData> SameAfterNormalising() =>
    [
        new TestCaseData("kubectl get memorypolicy -n shop", "web    web      Off    213Mi     327Mi   Burstable   0.15         6s", "web web Off 213Mi 327Mi Burstable 0.15 2m13s").SetName("Normalise_AgesAndPadding_Equal"),
        new TestCaseData("kubectl describe memorypolicy web -n shop", "  Resource Version:    58\n  UID:                 a8286a8f-d718-4cf0-9cd2-9f0b5198c5ca", "  Resource Version:    102\n  UID:                 0b9e1c2d-1111-4cf0-9cd2-9f0b5198c5ca").SetName("Normalise_ResourceVersionAndUid_Equal"),
        new TestCaseData("kubectl describe memorypolicy web -n shop", "    Last Transition Time:    2026-12-02T05:14:52.436983Z", "    Last Transition Time:    2027-01-01T00:00:00Z").SetName("Normalise_Timestamps_Equal"),
        new TestCaseData("kubectl wait --for=condition=Ready memorypolicy/web -n shop", "memorypolicy.rightsizer.io/web condition met", "memorypolicy.rightsizer.io/web condition met\nI1202 05:14:50.962036   15728 reflector.go:556] \"Warning: watch ended with error\"").SetName("Normalise_KlogLines_Dropped"),
        new TestCaseData("kubectl get pods -n shop", "NAME REQUEST\nweb-5465684577-586d8 213Mi\nweb-5465684577-k2qwd 213Mi", "NAME REQUEST\nweb-7c9f8d6b5-zz9aa 213Mi\nweb-7c9f8d6b5-aa1bb 213Mi").SetName("Normalise_PodSuffixesAndOrder_Equal"),
    ];

    private static IEnumerable<TestCaseData> DifferentAfterNormalising() =>
    [
        new TestCaseData("kubectl get memorypolicy -n shop", "web web Off 213Mi 327Mi Burstable 0.15 6s", "web web Off 214Mi 327Mi Burstable 0.15 6s").SetName("Normalise_RequestChanged_Differs"),
        new TestCaseData("kubectl describe memorypolicy web -n shop", "    Samples:         576", "    Samples:         575").SetName("Normalise_SampleCountChanged_Differs"),
        new TestCaseData("kubectl get pods -n shop", "NAME APPLIED\nweb-5465684577-586d8 web@2", "NAME APPLIED\nweb-5465684577-586d8 web@1").SetName("Normalise_AppliedGenerationChanged_Differs"),
        new TestCaseData("kubectl describe memorypolicy web -n shop", "  Target Pods: 2", "  Target Pods: 2\n  Extra: 1").SetName("Normalise_LineAdded_Differs"),
        new TestCaseData("kubectl describe memorypolicy web -n shop", "  Target Ref:\n    Name: web", "  Target Ref:\n  Name: web").SetName("Normalise_IndentationChanged_Differs"),
    ];

    [TestCaseSource(nameof(SameAfterNormalising))]
    public void Normalise_WhatMayVary_Equal(string command, string shown, string printed) =>
        Assert.That(WalkthroughOutput.Normalise(command, printed), Is.EqualTo(WalkthroughOutput.Normalise(command, shown)));

    [TestCaseSource(nameof(DifferentAfterNormalising))]
    public void Normalise_WhatMustNotDrift_Differs(string command, string shown, string printed) =>
        Assert.That(WalkthroughOutput.Normalise(command, printed), Is.Not.EqualTo(WalkthroughOutput.Normalise(command, shown)));
}
