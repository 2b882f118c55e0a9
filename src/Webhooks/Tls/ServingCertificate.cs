using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Tls;

/// <summary>
/// The webhook's serving certificate, read from <c>tls.crt</c> and <c>tls.key</c> in the certificate directory (the
/// layout cert-manager and a mounted Secret give) and reloaded when they change: on a file-system notification and on
/// a poll as a safety net, since a Secret volume swaps a symlink rather than writing the files. Kestrel asks for the
/// certificate on every handshake, so new connections get the new one while requests in flight finish on the old.
/// A half-written pair fails to load and the previous certificate stays in use until the next change.
/// </summary>
public sealed class ServingCertificate : IHostedService, IDisposable
{
    public const string CertificateFile = "tls.crt";
    public const string KeyFile = "tls.key";

    private readonly string _directory;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<ServingCertificate> _logger;
    private readonly Lock _reloadLock = new();
    private X509Certificate2? _current;
    private byte[]? _loadedHash;
    private FileSystemWatcher? _watcher;
    private ITimer? _poll;

    public ServingCertificate(IOptions<WebhookOptions> options, TimeProvider time, ILogger<ServingCertificate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = options.Value.CertDirectory;
        _pollInterval = options.Value.CertificatePollInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after a new certificate was loaded.</summary>
    public event EventHandler<X509Certificate2>? Reloaded;

    public X509Certificate2? Current => Volatile.Read(ref _current);

    public bool IsLoaded => Current is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reload();
        if (Directory.Exists(_directory))
        {
            _watcher = new FileSystemWatcher(_directory) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.CreationTime };
            _watcher.Changed += (_, _) => Reload();
            _watcher.Created += (_, _) => Reload();
            _watcher.Renamed += (_, _) => Reload();
            _watcher.EnableRaisingEvents = true;
        }

        // One shot, re-armed after each poll: a clock that jumps (a resumed VM, a test's fake clock) gets one poll,
        // not one per period it skipped.
        _poll = _time.CreateTimer(_ => Poll(), null, _pollInterval, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Loads the files if their content changed; keeps the current certificate when they do not load.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            var certPath = Path.Combine(_directory, CertificateFile);
            var keyPath = Path.Combine(_directory, KeyFile);
            try
            {
                var certPem = File.ReadAllText(certPath);
                var keyPem = File.ReadAllText(keyPath);
                var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(certPem + keyPem));
                if (_loadedHash is not null && hash.AsSpan().SequenceEqual(_loadedHash))
                {
                    return;
                }

                using var pem = X509Certificate2.CreateFromPem(certPem, keyPem);
                // Re-imported so the key is usable by SslStream on every platform, not only as an ephemeral key.
                var loaded = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
                _loadedHash = hash;
                Volatile.Write(ref _current, loaded);
                TlsLog.Loaded(_logger, certPath, loaded.Subject, loaded.NotAfter);
                Reloaded?.Invoke(this, loaded);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                TlsLog.NotLoaded(_logger, certPath, e.Message);
            }
        }
    }

    private void Poll()
    {
        Reload();
        try
        {
            _poll?.Change(_pollInterval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopped meanwhile.
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _poll?.Dispose();
        _poll = null;
    }
}
