using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Benchmark.Baselines;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Benchmark.Baselines;

public sealed class StaticStrategyTests
{
    private static readonly StaticStrategy Strategy = new(new Dictionary<string, Memory> { ["vm1"] = Memory.FromGiB(4) });

    [Test]
    public void Propose_KnownSeries_ProvisionedMemory() =>
        Assert.That(Strategy.Propose(new ContainerHistory(new SeriesKey("vm1"), Array.Empty<Sample>()), DateTimeOffset.UnixEpoch),
            Is.EqualTo(new SizingProposal(Memory.FromGiB(4), Memory.FromGiB(4))));

    [Test]
    public void Propose_UnknownSeries_Nothing() =>
        Assert.That(Strategy.Propose(new ContainerHistory(new SeriesKey("vm2"), Array.Empty<Sample>()), DateTimeOffset.UnixEpoch), Is.Null);
}
