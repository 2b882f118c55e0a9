using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class OomResponseTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(new[] { new OomKill(1, Memory.FromMiB(1000)) }, 1200.0).SetName("Floor_LargeLimit_TwentyPercentMore"),
        new TestCaseData(new[] { new OomKill(1, Memory.FromMiB(100)) }, 200.0).SetName("Floor_SmallLimit_AtLeast100MiMore"),
        new TestCaseData(new[] { new OomKill(1, Memory.FromMiB(100)), new OomKill(2, Memory.FromMiB(1000)) }, 1200.0).SetName("Floor_SeveralKills_HighestFloor"),
        new TestCaseData(new[] { new OomKill(1, null) }, null).SetName("Floor_LimitUnknown_NoFloor"),
        new TestCaseData(Array.Empty<OomKill>(), null).SetName("Floor_NoKills_NoFloor"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Floor_Table(OomKill[] kills, double? expectedMib) =>
        Assert.That(OomResponse.Floor(kills)?.Bytes / Traces.MiB, Is.EqualTo(expectedMib).Within(0.01));
}
