using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Builds the <see cref="HttpClient"/> the Prometheus history source talks through, from
/// <see cref="PrometheusClientOptions"/>. Handlers, outermost first: retries with exponential backoff and jitter on
/// 429/502/503/504, network errors and attempt timeouts (honouring <c>Retry-After</c>); the per-attempt timeout;
/// the bearer token from its file; byte counting and gzip; the socket handler with the TLS settings.
/// </summary>
public static class PrometheusHttpClientFactory
{
    /// <summary>Longest wait between retries, whatever the backoff or a <c>Retry-After</c> header says.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <exception cref="ArgumentException">The options are inconsistent or a file they name cannot be read.</exception>
    public static HttpClient Create(PrometheusClientOptions options, PrometheusTransferStats? stats = null)
    {
        Validate(options);
        HttpMessageHandler handler = new TransferCountingHandler(stats ?? new PrometheusTransferStats())
        {
            InnerHandler = CreateSocketsHandler(options),
        };
        if (options.BearerTokenFile is not null)
        {
            handler = new BearerTokenFileHandler(options.BearerTokenFile) { InnerHandler = handler };
        }

        handler = new ResilienceHandler(CreatePipeline(options)) { InnerHandler = handler };

        var client = new HttpClient(handler)
        {
            BaseAddress = options.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.BasicAuthUser is not null)
        {
            var credentials = Encoding.UTF8.GetBytes($"{options.BasicAuthUser}:{options.BasicAuthPassword}");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }

        foreach (var (name, value) in options.Headers)
        {
            if (!client.DefaultRequestHeaders.TryAddWithoutValidation(name, value))
            {
                client.Dispose();
                throw new ArgumentException($"header {name} cannot be sent as a request header", nameof(options));
            }
        }

        return client;
    }

    private static void Validate(PrometheusClientOptions options)
    {
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Prometheus URL {options.BaseUrl} must be an absolute http or https URL", nameof(options));
        }

        if (options.BearerTokenFile is not null && options.BasicAuthUser is not null)
        {
            throw new ArgumentException("a bearer token file and basic auth were both given; choose one", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"timeout must be positive (got {options.Timeout})", nameof(options));
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentException($"max retries must be 0 or more (got {options.MaxRetries})", nameof(options));
        }

        if (options.BearerTokenFile is not null)
        {
            try
            {
                BearerTokenFileHandler.Read(options.BearerTokenFile);
            }
            catch (InvalidOperationException e)
            {
                throw new ArgumentException(e.Message, nameof(options), e);
            }
        }
    }

    private static SocketsHttpHandler CreateSocketsHandler(PrometheusClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
        };
        if (options.InsecureSkipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (options.CaFile is not null)
        {
            var authorities = LoadCertificates(options.CaFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                ValidateAgainst(authorities, certificate, chain, errors);
        }

        return handler;
    }

    private static X509Certificate2Collection LoadCertificates(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"CA file {caFile} cannot be read as PEM certificates: {e.Message}", nameof(caFile), e);
        }

        return authorities.Count > 0
            ? authorities
            : throw new ArgumentException($"CA file {caFile} holds no PEM certificate", nameof(caFile));
    }

    /// <summary>
    /// Accepts what the system trusts; otherwise, when the only fault is the chain, rebuilds it with the given CAs as
    /// the only roots. A wrong host name is never accepted.
    /// </summary>
    private static bool ValidateAgainst(
        X509Certificate2Collection authorities,
        X509Certificate? certificate,
        X509Chain? presentedChain,
        SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static ResiliencePipeline<HttpResponseMessage> CreatePipeline(PrometheusClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
