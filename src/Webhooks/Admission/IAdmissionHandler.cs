namespace RightSizer.Webhooks.Admission;

/// <summary>One webhook's logic behind the shared plumbing (body cap, parsing, budget, metrics).</summary>
public interface IAdmissionHandler
{
    /// <summary>The webhook's name in metrics and logs.</summary>
    string Webhook { get; }

    /// <summary>The URL path the API server calls.</summary>
    string Path { get; }

    /// <summary>True when any failure must admit the object (pods); false when it must refuse it (our own CRD).</summary>
    bool FailsOpen { get; }

    AdmissionDecision Handle(AdmissionRequest request);
}
