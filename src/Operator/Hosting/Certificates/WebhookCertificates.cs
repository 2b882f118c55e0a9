using System.Text;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// What the bootstrap Secret holds, as PEM: the trusted CAs (the signing one first, then a predecessor still in
/// use during a CA rotation), the signing CA's key and the serving pair. The keys are those of a
/// <c>kubernetes.io/tls</c> Secret plus <c>ca.key</c>.
/// </summary>
public sealed record WebhookCertificates(string CaBundlePem, string CaKeyPem, string ServingCertificatePem, string ServingKeyPem)
{
    public const string CaBundleKey = "ca.crt";
    public const string CaKeyKey = "ca.key";
    public const string ServingCertificateKey = "tls.crt";
    public const string ServingKeyKey = "tls.key";

    public IDictionary<string, byte[]> ToSecretData() => new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        [CaBundleKey] = Encoding.UTF8.GetBytes(CaBundlePem),
        [CaKeyKey] = Encoding.UTF8.GetBytes(CaKeyPem),
        [ServingCertificateKey] = Encoding.UTF8.GetBytes(ServingCertificatePem),
        [ServingKeyKey] = Encoding.UTF8.GetBytes(ServingKeyPem),
    };

    /// <summary>The Secret's content, or null when a key is missing (a Secret someone else made, or an empty one).</summary>
    public static WebhookCertificates? FromSecretData(IDictionary<string, byte[]>? data)
    {
        string? Text(string key) => data is not null && data.TryGetValue(key, out var bytes) && bytes.Length > 0 ? Encoding.UTF8.GetString(bytes) : null;
        return Text(CaBundleKey) is { } bundle && Text(CaKeyKey) is { } caKey && Text(ServingCertificateKey) is { } cert && Text(ServingKeyKey) is { } key
            ? new WebhookCertificates(bundle, caKey, cert, key)
            : null;
    }
}
