namespace RightSizer.Webhooks.Admission;

/// <summary>admission.k8s.io/v1 AdmissionReview as we answer it: the <c>response</c>.</summary>
public sealed class AdmissionReview
{
    public const string V1ApiVersion = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public AdmissionResponse? Response { get; set; }
}

/// <summary>
/// admission.k8s.io/v1 AdmissionReview as the API server sends it, with <c>request.object</c> read straight into the
/// handler's own view of the object: one pass over the bytes, no intermediate document.
/// </summary>
public sealed class AdmissionReview<TObject>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public AdmissionRequest<TObject>? Request { get; set; }
}

/// <summary>
/// The fields of an admission request the webhooks read; the rest (userInfo, options, oldObject, dryRun) is skipped.
/// A dry run is answered like any other request: the webhooks have no side effects to skip.
/// </summary>
public sealed class AdmissionRequest<TObject>
{
    public string? Uid { get; set; }

    public GroupVersionKind? Kind { get; set; }

    public GroupVersionResource? Resource { get; set; }

    public string? SubResource { get; set; }

    /// <summary>Empty or absent for a pod created with generateName.</summary>
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? Operation { get; set; }

    public TObject? Object { get; set; }
}

public sealed record GroupVersionKind
{
    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Kind { get; set; }
}

public sealed record GroupVersionResource
{
    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Resource { get; set; }
}

/// <summary>The answer. <c>patch</c> is base64 in JSON, which is how System.Text.Json writes a byte array.</summary>
public sealed class AdmissionResponse
{
    public const string JsonPatchType = "JSONPatch";

    public string Uid { get; set; } = string.Empty;

    public bool Allowed { get; set; }

    public AdmissionStatus? Status { get; set; }

    public string? PatchType { get; set; }

    public byte[]? Patch { get; set; }

    public IReadOnlyList<string>? Warnings { get; set; }
}

/// <summary>metav1.Status for a rejection: kubectl prints <c>message</c>.</summary>
public sealed record AdmissionStatus(int Code, string Message, string Reason)
{
    public string Status => "Failure";
}
