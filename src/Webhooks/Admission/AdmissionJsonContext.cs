using System.Text.Json;
using System.Text.Json.Serialization;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Webhooks.Admission;

/// <summary>
/// Source-generated serialization for the hot path: reviews in (with the pod read straight into its view) and out,
/// and the patch. Depth is capped well above what a Pod needs (managedFields nest about 15 deep) so hostile nesting
/// fails fast.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = AdmissionLimits.MaxJsonDepth)]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(AdmissionReview<PodView>), TypeInfoPropertyName = "PodReview")]
[JsonSerializable(typeof(AdmissionReview<JsonElement>), TypeInfoPropertyName = "JsonReview")]
[JsonSerializable(typeof(PodView))]
public sealed partial class AdmissionJsonContext : JsonSerializerContext;
