using System.Diagnostics.Metrics;

namespace RightSizer.Webhooks.Admission;

/// <summary>
/// Admissions by webhook, outcome and reason, and how long each took. Instruments of the <c>RightSizer.Webhooks</c>
/// meter, which the host exports on <c>/metrics</c> in the Prometheus format as
/// <c>rightsizer_webhook_admissions_total</c> and <c>rightsizer_webhook_admission_duration_seconds</c>.
/// </summary>
public sealed class AdmissionMetrics
{
    public const string MeterName = "RightSizer.Webhooks";

    private readonly Counter<long> _admissions;
    private readonly Histogram<double> _duration;

    public AdmissionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _admissions = meter.CreateCounter<long>(
            "rightsizer_webhook_admissions",
            description: "Admission requests answered, by webhook, outcome (patched, allowed, denied, failed-open, failed-closed) and reason.");
        _duration = meter.CreateHistogram<double>(
            "rightsizer_webhook_admission_duration",
            unit: "s",
            description: "Time from the request's arrival to the answer, by webhook.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5] });
    }

    public void Record(string webhook, string outcome, string reason, TimeSpan elapsed)
    {
        _admissions.Add(1, new KeyValuePair<string, object?>("webhook", webhook), new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("webhook", webhook));
    }
}
