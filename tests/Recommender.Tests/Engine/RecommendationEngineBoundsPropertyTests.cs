using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Engine;

/// <summary>
/// The bounds hold for any history and any settings: random usage shapes, heap series, OOM kills, today's resources
/// and policies (fixed seed, so a failure replays), and every recommendation stays within minAllowed and maxAllowed
/// with its limit at or above its request.
/// </summary>
public sealed class RecommendationEngineBoundsPropertyTests
{
    private const int Seed = 20_260_115;
    private const int Cases = 400;

    private static readonly RecommendationEngine Engine = new();

    private static IEnumerable<TestCaseData> RandomCases()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++)
        {
            var (history, settings) = RandomCase(random);
            yield return new TestCaseData(history, settings).SetName($"Recommend_RandomCase{i:000}_WithinBoundsLimitNotBelowRequest");
        }
    }

    [TestCaseSource(nameof(RandomCases))]
    public void Recommend_RandomHistoryAndSettings_WithinBoundsLimitNotBelowRequest(ContainerHistory history, RecommendationSettings settings)
    {
        var recommendation = Engine.Recommend(history, settings, Traces.AsOf);

        Assume.That(recommendation.Request, Is.Not.Null, "too few samples for this case: nothing to bound");
        var request = recommendation.Request!.Value;
        Assert.Multiple(() =>
        {
            if (settings.MaxAllowed is { } max)
            {
                Assert.That(request, Is.LessThanOrEqualTo(max), "request above maxAllowed");
                Assert.That(recommendation.Limit, Is.Null.Or.LessThanOrEqualTo(max), "limit above maxAllowed");
            }

            if (settings.MinAllowed is { } min)
            {
                Assert.That(request, Is.GreaterThanOrEqualTo(min), "request below minAllowed");
                Assert.That(recommendation.Limit, Is.Null.Or.GreaterThanOrEqualTo(min), "limit below minAllowed");
            }

            Assert.That(recommendation.Limit, Is.Null.Or.GreaterThanOrEqualTo(request), "limit below request");
            Assert.That(request.Bytes, Is.Positive, "a zero request reads as unset");
        });
    }

    [Test]
    public void RandomCases_MostAreSizedAndBounded()
    {
        var sized = RandomCases().Select(c => Engine.Recommend((ContainerHistory)c.Arguments[0]!, (RecommendationSettings)c.Arguments[1]!, Traces.AsOf))
            .Count(r => r.HasValue);

        Assert.That(sized, Is.GreaterThan(Cases * 3 / 4), "the property must be exercised, not assumed away");
    }

    private static (ContainerHistory History, RecommendationSettings Settings) RandomCase(Random random)
    {
        var baseMib = Pick(random, 0, 1, 20, 300, 2000, 20_000);
        var samples = (random.Next(5) switch
        {
            0 => Traces.Constant(baseMib),
            1 => Traces.DailyCycle(baseMib, baseMib * random.NextDouble()),
            2 => Traces.Leak(baseMib, baseMib * random.NextDouble() / 10),
            3 => Traces.WithSpike(Traces.Constant(baseMib), random.Next(14), (baseMib + 1) * (1 + (10 * random.NextDouble()))),
            _ => Traces.Step(baseMib, baseMib * 3 * random.NextDouble(), random.Next(1, 13)),
        }).Select(s => s with { Value = s.Value * (1 + (0.1 * random.NextDouble())) }).ToArray();

        var history = Traces.History(samples);
        if (random.Next(3) == 0)
        {
            history = history with
            {
                Runtime = new ContainerRuntimeHints("eclipse-temurin:21-jre", [], [], new Dictionary<string, string>()),
                HeapUsage = random.Next(2) == 0 ? samples.Select(s => s with { Value = s.Value * (0.5 + (0.5 * random.NextDouble())) }).ToArray() : ReadOnlyMemory<Sample>.Empty,
            };
        }

        if (random.Next(4) == 0)
        {
            history = history with { OomKills = [new OomKill(Traces.End - Traces.Day, Memory.FromMiB(Pick(random, 10, 500, 5000)))] };
        }

        if (random.Next(2) == 0)
        {
            var currentRequest = Memory.FromMiB(Pick(random, 64, 512, 4096));
            var currentLimit = random.Next(3) == 0 ? (Memory?)null : currentRequest * (1 + random.Next(3));
            history = history with
            {
                Current = new CurrentResources(currentRequest, currentLimit, 100, 100, currentLimit == currentRequest ? QosClass.Guaranteed : QosClass.Burstable, random.Next(2) == 0),
            };
        }

        Memory? min = random.Next(2) == 0 ? Memory.FromMiB(Pick(random, 8, 100, 1000, 10_000) + random.Next(100)) : null;
        Memory? max = random.Next(2) == 0 ? Memory.FromMiB(Pick(random, 50, 520, 3000, 30_000) + (random.NextDouble() * 100)) : null;
        if (min is { } lo && max is { } hi && hi < lo)
        {
            (min, max) = (hi, lo);
        }

        var settings = RecommendationSettings.Default with
        {
            MinSamples = 288,
            RequestPercentile = Pick(random, 50, 90, 99, 100),
            LimitPercentile = Pick(random, 99, 99.9, 100),
            LimitStrategy = Pick(random, LimitStrategy.Peak, LimitStrategy.Percentile, LimitStrategy.None),
            RequestMargin = Pick(random, 0, 0.1, 2),
            LimitMargin = random.Next(2) == 0 ? null : Pick(random, 0, 0.5, 10),
            QosClass = Pick(random, QosPolicy.Burstable, QosPolicy.Guaranteed, QosPolicy.Preserve),
            ControlledValues = Pick(random, ControlledValues.RequestsAndLimits, ControlledValues.RequestsOnly),
            Runtime = Pick(random, RuntimeKind.Auto, RuntimeKind.JVM, RuntimeKind.DotNet, RuntimeKind.None),
            HeapHeadroom = Pick(random, 0, 0.25, 0.9),
            Seasonality = Pick(random, Seasonality.None, Seasonality.Weekly),
            MinAllowed = min,
            MaxAllowed = max,
        };
        return (history, settings);
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
