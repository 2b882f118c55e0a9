using System.CommandLine;
using System.Globalization;
using RightSizer.Recommender.Prometheus;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli;

/// <summary>The flags that reach a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics).</summary>
public sealed class PrometheusOptions
{
    public Option<string?> Url { get; } = new("--prometheus-url", "-p") { Description = "Base URL of the Prometheus HTTP API, with any path prefix (e.g. https://mimir.example/prometheus)." };

    public Option<FileInfo?> BearerTokenFile { get; } = new("--bearer-token-file") { Description = "File holding a bearer token; re-read when it changes." };

    public Option<string?> BasicAuthUser { get; } = new("--basic-auth-user") { Description = "User name for HTTP basic auth." };

    public Option<FileInfo?> BasicAuthPasswordFile { get; } = new("--basic-auth-password-file") { Description = "File holding the basic-auth password." };

    public Option<string[]> Headers { get; } = new("--header") { Description = "Extra header 'Name: value', repeatable (e.g. 'X-Scope-OrgID: team-a').", AllowMultipleArgumentsPerToken = false };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM file of the CA that signs the server's certificate." };

    public Option<bool> InsecureSkipTlsVerify { get; } = new("--insecure-skip-tls-verify") { Description = "Do not verify the server's certificate (testing only)." };

    public Option<string> Timeout { get; } = new("--timeout") { Description = "Timeout per request, e.g. 30s.", DefaultValueFactory = _ => "30s" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(BearerTokenFile);
        command.Options.Add(BasicAuthUser);
        command.Options.Add(BasicAuthPasswordFile);
        command.Options.Add(Headers);
        command.Options.Add(CaFile);
        command.Options.Add(InsecureSkipTlsVerify);
        command.Options.Add(Timeout);
    }

    public PrometheusClientOptions Read(ParseResult parse)
    {
        var timeoutText = parse.GetValue(Timeout)!;
        if (!PromDuration.TryParse(timeoutText, out var timeout, out var error))
        {
            throw new CliInputException($"--timeout '{timeoutText}': {error}");
        }

        if (timeout < PrometheusClientOptions.MinTimeout || timeout > PrometheusClientOptions.MaxTimeout)
        {
            throw new CliInputException(
                $"--timeout '{timeoutText}': must be between {PromDuration.Format(PrometheusClientOptions.MinTimeout)} and {PromDuration.Format(PrometheusClientOptions.MaxTimeout)}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in parse.GetValue(Headers) ?? [])
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new CliInputException($"--header '{header}': expected 'Name: value'");
            }

            if (header.AsSpan().ContainsAny('\r', '\n'))
            {
                // A line break would end the header and smuggle the rest in as headers of its own.
                throw new CliInputException($"--header '{header[..colon].Trim()}': the value holds a line break (CR or LF)");
            }

            headers[header[..colon].Trim()] = header[(colon + 1)..].Trim();
        }

        var user = parse.GetValue(BasicAuthUser);
        var passwordFile = parse.GetValue(BasicAuthPasswordFile);
        if ((user is null) != (passwordFile is null))
        {
            throw new CliInputException("--basic-auth-user and --basic-auth-password-file go together");
        }

        var urlText = parse.GetValue(Url)!;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliInputException($"--prometheus-url '{urlText}': expected an absolute http:// or https:// URL");
        }

        return new PrometheusClientOptions
        {
            BaseUrl = url,
            BearerTokenFile = parse.GetValue(BearerTokenFile)?.FullName,
            BasicAuthUser = user,
            BasicAuthPassword = passwordFile is null ? null : ReadSecret(passwordFile),
            Headers = headers,
            CaFile = parse.GetValue(CaFile)?.FullName,
            InsecureSkipTlsVerify = parse.GetValue(InsecureSkipTlsVerify),
            Timeout = timeout,
        };
    }

    private static string ReadSecret(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--basic-auth-password-file {file.FullName}: {e.Message}"));
        }
    }
}
