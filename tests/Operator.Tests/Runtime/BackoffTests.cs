using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class BackoffTests
{
    // Each row: the attempt and the delay without jitter, for 1 s doubling up to 30 s.
    private static readonly TestCaseData[] Attempts =
    [
        new TestCaseData(0, 1.0).SetName("Delay_FirstAttempt_Initial"),
        new TestCaseData(1, 2.0).SetName("Delay_SecondAttempt_Doubled"),
        new TestCaseData(4, 16.0).SetName("Delay_FifthAttempt_Sixteenfold"),
        new TestCaseData(5, 30.0).SetName("Delay_PastMax_Capped"),
        new TestCaseData(100, 30.0).SetName("Delay_HugeAttempt_CappedWithoutOverflow"),
    ];

    [TestCaseSource(nameof(Attempts))]
    public void Delay_NoJitter_Exponential(int attempt, double seconds)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, new Random(1));

        Assert.That(backoff.Delay(attempt).TotalSeconds, Is.EqualTo(seconds).Within(1e-6));
    }

    [Test]
    public void Delay_WithJitter_StaysWithinShareAndVaries()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 0.5, new Random(7));

        var delays = Enumerable.Range(0, 50).Select(_ => backoff.Delay(3).TotalSeconds).ToList();

        Assert.That(delays, Has.All.InRange(10.0, 15.0));
        Assert.That(delays.Distinct().Count(), Is.GreaterThan(40), "jitter spreads retries apart");
    }
}
