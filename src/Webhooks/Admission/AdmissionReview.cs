using System.Text.Json;

namespace RightSizer.Webhooks.Admission;

/// <summary>admission.k8s.io/v1 AdmissionReview: the API server sends <c>request</c>, we answer with <c>response</c>.</summary>
public sealed class AdmissionReview
{
    public const string V1ApiVersion = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public AdmissionRequest? Request { get; set; }

    public AdmissionResponse? Response { get; set; }
}

/// <summary>The fields of an admission request the webhooks read; the rest (userInfo, options) is skipped.</summary>
public sealed class AdmissionRequest
{
    public string? Uid { get; set; }

    public GroupVersionKind? Kind { get; set; }

    public GroupVersionResource? Resource { get; set; }

    public string? SubResource { get; set; }

    /// <summary>Empty or absent for a pod created with generateName.</summary>
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? Operation { get; set; }

    public bool? DryRun { get; set; }

    public JsonElement? Object { get; set; }

    public JsonElement? OldObject { get; set; }
}

public sealed record GroupVersionKind(string? Group, string? Version, string? Kind);

public sealed record GroupVersionResource(string? Group, string? Version, string? Resource);

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
