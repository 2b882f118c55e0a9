using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Testing.Builders;
using RightSizer.Testing.Tls;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Tls;
using static RightSizer.Testing.Builders.PodBuilder;
using static RightSizer.Webhooks.Tests.Admission.ReviewExchange;

namespace RightSizer.Webhooks.Tests.Tls;

/// <summary>Real certificates on disk, verified by the client against the CA as the API server verifies a caBundle.</summary>
public sealed class ServingCertificateTests
{
    [Test]
    public async Task Rotate_WhileRequestsFlow_NoRequestFailsAndNewConnectionsGetNewCertificate()
    {
        await using var server = await WebhookServer.StartAsync(new InMemoryAdmissionCache());
        var review = AdmissionReviewBuilder.ForPod(Pod().Named("p1").WithContainer("app").Build());
        var reloaded = new TaskCompletionSource<X509Certificate2>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Certificate.Reloaded += (_, certificate) => reloaded.TrySetResult(certificate);
        using var stop = new CancellationTokenSource();
        var answered = 0;

        var flowing = Task.Run(async () =>
        {
            // Bounded: stops when told to, or after 20,000 requests at most.
            for (var i = 0; i < 20_000 && !stop.IsCancellationRequested; i++)
            {
                var response = await PostAsync(server.Client, WebhookDefaults.MutatePodPath, review);
                Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
                Interlocked.Increment(ref answered);
            }
        });
        var newSerial = server.Authority.IssueServing(server.CertDirectory);
        var loaded = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var before = Volatile.Read(ref answered);
        X509Certificate2? presented = null;
        using (var fresh = server.CreateClient(c => presented = c))
        {
            await PostAsync(fresh, WebhookDefaults.MutatePodPath, review);
        }

        while (Volatile.Read(ref answered) < before + 20 && !flowing.IsCompleted)
        {
            await Task.Yield();
        }

        await stop.CancelAsync();
        await flowing;
        Assert.Multiple(() =>
        {
            Assert.That(loaded.SerialNumber, Is.EqualTo(newSerial));
            Assert.That(presented?.SerialNumber, Is.EqualTo(newSerial));
            Assert.That(answered, Is.GreaterThanOrEqualTo(before + 20), "requests kept flowing on the old connection after the rotation");
        });
    }

    [Test]
    public async Task Poll_ClockJumpsADay_OnePollNotOnePerSkippedPeriod()
    {
        // An empty directory: every reload attempt logs that nothing was loaded, which counts the polls.
        var directory = Directory.CreateTempSubdirectory("rightsizer-poll-").FullName;
        var time = new FakeTimeProvider();
        var logger = new AttemptCounter();
        using var certificate = new ServingCertificate(Options.Create(new WebhookOptions { CertDirectory = directory }), time, logger);
        await certificate.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromDays(1));
        var afterJump = logger.Attempts;
        time.Advance(WebhookDefaults.CertificatePollInterval);
        Directory.Delete(directory);

        Assert.Multiple(() =>
        {
            Assert.That(afterJump, Is.EqualTo(2), "the start, then one poll for the whole day (2,880 periods)");
            Assert.That(logger.Attempts, Is.EqualTo(3), "polling goes on after the jump");
        });
    }

    [Test]
    public async Task Handshake_ClientTrustingAnotherCa_Refused()
    {
        await using var server = await WebhookServer.StartAsync(new InMemoryAdmissionCache());
        using var stranger = new TestCertificateAuthority("stranger");
        using var client = server.CreateClient(trust: stranger);

        Assert.That(async () => await client.GetAsync("/healthz"), Throws.InstanceOf<HttpRequestException>());
    }

    [TestCase(SslProtocols.Tls12, TestName = "Handshake_Tls12Client_Served")]
    [TestCase(SslProtocols.Tls13, TestName = "Handshake_Tls13Client_Served")]
    public async Task Handshake_ModernProtocol_Served(SslProtocols protocol)
    {
        await using var server = await WebhookServer.StartAsync(new InMemoryAdmissionCache());
        using var client = server.CreateClient(protocols: protocol);

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Start_WithoutCertificate_NotReadyUntilFilesAppear()
    {
        await using var server = await WebhookServer.StartAsync(new InMemoryAdmissionCache(), issueCertificate: false);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Certificate.Reloaded += (_, _) => reloaded.TrySetResult();
        var readyBefore = server.Certificate.IsLoaded;

        server.Authority.IssueServing(server.CertDirectory);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var readyz = await server.Client.GetAsync("/readyz");

        Assert.That(readyBefore, Is.False);
        Assert.That(readyz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reload_HalfWrittenPair_PreviousCertificateKept()
    {
        await using var server = await WebhookServer.StartAsync(new InMemoryAdmissionCache());
        var serial = server.Certificate.Current!.SerialNumber;

        await File.WriteAllTextAsync(Path.Combine(server.CertDirectory, "tls.key"), "-----BEGIN PRIVATE KEY-----\ntruncated");
        server.Certificate.Reload();
        using var healthz = await server.CreateClient().GetAsync("/healthz");

        Assert.That(server.Certificate.Current!.SerialNumber, Is.EqualTo(serial));
        Assert.That(healthz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Counts the serving certificate's "not loaded" warnings.</summary>
    private sealed class AttemptCounter : ILogger<ServingCertificate>
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref _attempts);
            }
        }
    }
}
