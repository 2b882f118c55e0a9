using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
}

/// <typeparam name="TObject">The handler's view of <c>request.object</c>, parsed with the review in one pass.</typeparam>
public interface IAdmissionHandler<TObject> : IAdmissionHandler
{
    JsonTypeInfo<AdmissionReview<TObject>> ReviewJson { get; }

    AdmissionDecision Handle(AdmissionRequest<TObject> request);

    /// <summary>The review is well-formed JSON but its object does not fit <typeparamref name="TObject"/> (a member of the wrong type).</summary>
    /// <param name="path">Where in the object reading stopped, as <c>$.spec.containers</c>.</param>
    AdmissionDecision ObjectUnreadable(AdmissionRequest<JsonElement> request, string path);
}
