using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Policy;

public sealed class PolicySettingsResolverTests
{
    private static readonly V1alpha1MemoryPolicySpec Spec = new()
    {
        QosClass = QosPolicy.Guaranteed,
        Containers =
        [
            new V1alpha1ContainerPolicy { ContainerName = "*", MinAllowed = "64Mi", Mode = ContainerMode.Auto },
            new V1alpha1ContainerPolicy { ContainerName = "sidecar", Mode = ContainerMode.Off },
            new V1alpha1ContainerPolicy { ContainerName = "app", MinAllowed = "256Mi", MaxAllowed = "4Gi", ControlledValues = ControlledValues.RequestsOnly },
        ],
        Recommendation = new V1alpha1RecommendationSpec { HistoryWindow = "7d", HalfLife = "12h", RequestPercentile = 99, Seasonality = Seasonality.Weekly },
        Runtime = new V1alpha1RuntimeSpec { Type = RuntimeKind.JVM, HeapHeadroom = 0.3 },
    };

    [Test]
    public void Resolve_NamedContainer_OwnEntryWins()
    {
        var settings = PolicySettingsResolver.Resolve(Spec, "app");

        Assert.Multiple(() =>
        {
            Assert.That(settings.MinAllowed, Is.EqualTo(Memory.FromMiB(256)));
            Assert.That(settings.MaxAllowed, Is.EqualTo(Memory.FromGiB(4)));
            Assert.That(settings.ControlledValues, Is.EqualTo(ControlledValues.RequestsOnly));
        });
    }

    [Test]
    public void Resolve_OtherContainer_WildcardEntry()
    {
        var settings = PolicySettingsResolver.Resolve(Spec, "worker");

        Assert.Multiple(() =>
        {
            Assert.That(settings.MinAllowed, Is.EqualTo(Memory.FromMiB(64)));
            Assert.That(settings.MaxAllowed, Is.Null);
            Assert.That(settings.Mode, Is.EqualTo(ContainerMode.Auto));
        });
    }

    [Test]
    public void Resolve_ContainerModeOff_Off() =>
        Assert.That(PolicySettingsResolver.Resolve(Spec, "sidecar").Mode, Is.EqualTo(ContainerMode.Off));

    [Test]
    public void Resolve_SpecValues_Parsed()
    {
        var settings = PolicySettingsResolver.Resolve(Spec, "app");

        Assert.Multiple(() =>
        {
            Assert.That(settings.HistoryWindow, Is.EqualTo(TimeSpan.FromDays(7)));
            Assert.That(settings.HalfLife, Is.EqualTo(TimeSpan.FromHours(12)));
            Assert.That(settings.RequestPercentile, Is.EqualTo(99));
            Assert.That(settings.Seasonality, Is.EqualTo(Seasonality.Weekly));
            Assert.That(settings.QosClass, Is.EqualTo(QosPolicy.Guaranteed));
            Assert.That(settings.Runtime, Is.EqualTo(RuntimeKind.JVM));
            Assert.That(settings.HeapHeadroom, Is.EqualTo(0.3));
        });
    }

    [Test]
    public void Resolve_EmptySpec_Defaults() =>
        Assert.That(PolicySettingsResolver.Resolve(new V1alpha1MemoryPolicySpec(), "app"), Is.EqualTo(RecommendationSettings.Default));

    [Test]
    public void Resolve_UnparsableValue_ArgumentException() =>
        Assert.That(
            () => PolicySettingsResolver.Resolve(new V1alpha1MemoryPolicySpec { Recommendation = new V1alpha1RecommendationSpec { HalfLife = "soon" } }, "app"),
            Throws.ArgumentException.With.Message.StartsWith("spec.recommendation.halfLife:"));
}
