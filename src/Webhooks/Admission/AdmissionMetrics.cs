using Prometheus;

namespace RightSizer.Webhooks.Admission;

/// <summary>Admissions by webhook, outcome and reason, and how long each took, for <c>/metrics</c>.</summary>
public sealed class AdmissionMetrics
{
    private readonly Counter _admissions;
    private readonly Histogram _duration;

    public AdmissionMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _admissions = factory.CreateCounter(
            "rightsizer_webhook_admissions_total",
            "Admission requests answered, by webhook, outcome (patched, allowed, denied, failed-open, failed-closed) and reason.",
            new CounterConfiguration { LabelNames = ["webhook", "outcome", "reason"] });
        _duration = factory.CreateHistogram(
            "rightsizer_webhook_admission_duration_seconds",
            "Time from the request's arrival to the answer, by webhook.",
            new HistogramConfiguration { LabelNames = ["webhook"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });
    }

    public void Record(string webhook, string outcome, string reason, TimeSpan elapsed)
    {
        _admissions.WithLabels(webhook, outcome, reason).Inc();
        _duration.WithLabels(webhook).Observe(elapsed.TotalSeconds);
    }
}
