using RightSizer.Webhooks.Tls;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// Writes the serving pair into the webhook certificate directory, where <see cref="ServingCertificate"/> reads it.
/// Each file is written beside its final name and renamed over it, so a reader never sees half a file; only
/// changed files are touched, so an unchanged check does not make the server reload.
/// </summary>
public static class CertificateFiles
{
    /// <returns>Whether a file changed.</returns>
    public static bool Write(string directory, WebhookCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        Directory.CreateDirectory(directory);
        var keyChanged = WriteIfChanged(Path.Combine(directory, ServingCertificate.KeyFile), certificates.ServingKeyPem);
        var certificateChanged = WriteIfChanged(Path.Combine(directory, ServingCertificate.CertificateFile), certificates.ServingCertificatePem);
        return keyChanged || certificateChanged;
    }

    private static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return false;
        }

        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only: the key is a secret even inside the pod.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
