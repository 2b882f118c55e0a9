using System.Text.Json;

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
    /// <summary>Reads the review's body: null for a JSON null.</summary>
    /// <exception cref="JsonException">The body is not JSON, or a member is not of its type (the exception's path says where).</exception>
    AdmissionReview<TObject>? Read(ReadOnlySpan<byte> body);

    AdmissionDecision Handle(AdmissionRequest<TObject> request);

    /// <summary>The review is well-formed JSON but its object does not fit <typeparamref name="TObject"/> (a member of the wrong type).</summary>
    /// <param name="path">Where in the object reading stopped, as <c>$.spec.containers</c>.</param>
    AdmissionDecision ObjectUnreadable(AdmissionRequest<JsonElement> request, string path);
}
