using System.Security.Cryptography.X509Certificates;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>A certificate's validity as UTC offsets: <see cref="X509Certificate2.NotAfter"/> is in local time.</summary>
public static class CertificateTimes
{
    public static DateTimeOffset NotBefore(X509Certificate2 certificate) =>
        new(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) =>
        new(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
}
