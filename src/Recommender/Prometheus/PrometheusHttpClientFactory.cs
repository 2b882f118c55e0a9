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
    /// <exception cref="ArgumentException">The options are inconsistent or a file they name cannot be read.</exception>
    public static HttpClient Create(PrometheusClientOptions options, PrometheusTransferStats? stats = null)
    {
        Validate(options);
        HttpMessageHandler handler = new TransferCountingHandler(stats ?? new PrometheusTransferStats(), options.MaxResponseBytes)
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
            if (value.AsSpan().ContainsAny('\r', '\n') || !client.DefaultRequestHeaders.TryAddWithoutValidation(name, value))
            {
                client.Dispose();
                throw new ArgumentException($"header {name} cannot be sent as a request header");
            }
        }

        return client;
    }

    private static void Validate(PrometheusClientOptions options)
    {
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Prometheus URL {options.BaseUrl} must be an absolute http or https URL");
        }

        if (options.BearerTokenFile is not null && options.BasicAuthUser is not null)
        {
            throw new ArgumentException("a bearer token file and basic auth were both given; choose one");
        }

        if (options.Timeout < PrometheusClientOptions.MinTimeout || options.Timeout > PrometheusClientOptions.MaxTimeout)
        {
            throw new ArgumentException($"timeout must be between {PrometheusClientOptions.MinTimeout} and {PrometheusClientOptions.MaxTimeout} (got {options.Timeout})");
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentException($"max retries must be 0 or more (got {options.MaxRetries})");
        }

        if (options.BearerTokenFile is not null)
        {
            try
            {
                BearerTokenFileHandler.Read(options.BearerTokenFile);
            }
            catch (InvalidOperationException e)
            {
                throw new ArgumentException(e.Message, e);
            }
        }
    }

    private static SocketsHttpHandler CreateSocketsHandler(PrometheusClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // A redirect would turn the POST into a GET without the query; the answer says where it pointed instead.
            AllowAutoRedirect = false,
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
            throw new ArgumentException($"CA file {caFile} cannot be read as PEM certificates: {e.Message}", e);
        }

        return authorities.Count > 0
            ? authorities
            : throw new ArgumentException($"CA file {caFile} holds no PEM certificate");
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
        // The whole request, every attempt and wait included, is bounded by the timeout times the attempts, so no
        // answer (a Retry-After of an hour, a server that always stalls) can hold a scan longer than that.
        var attempts = options.MaxRetries + 1;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.Timeout * attempts > PrometheusClientOptions.MaxTimeout ? PrometheusClientOptions.MaxTimeout : options.Timeout * attempts);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryDelay)),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>Statuses retried with backoff: the server is overloaded or a gateway lost it, so trying again may help.</summary>
    public static bool IsRetriedStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The server's <c>Retry-After</c>, capped; null (the backoff decides) when there is none.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        TimeSpan? wait = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => response.Headers.Date is { } now ? date - now : cap,
            _ => null,
        };
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsRetriedStatus(response.StatusCode),
        _ => false,
    };
}
