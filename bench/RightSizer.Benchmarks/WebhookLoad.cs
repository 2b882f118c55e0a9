using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightSizer.Testing.Builders;
using RightSizer.Testing.Prometheus;
using RightSizer.Testing.Tls;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Tls;
using static RightSizer.Testing.Builders.MemoryPolicyBuilder;
using static RightSizer.Testing.Builders.PodBuilder;

namespace RightSizer.Benchmarks;

/// <summary>
/// <c>load</c>: posts real pod reviews over HTTPS on 127.0.0.1 to the pod webhook and, as the floor, to a bare
/// endpoint in the same server that returns a fixed allowed review, at each connection count for a fixed time, and
/// prints p50, p99 and throughput as a Markdown table. Bounded by time; sends traffic to loopback only. The client is
/// wrk by default, a separate process (one thread, Lua script beside this file), so the server's process does only the
/// server's work; <c>--client dotnet</c> posts from HttpClient in this process instead, verifying the test CA (wrk does
/// not verify certificates). <c>--rounds N</c> measures the two endpoints N times each, alternating, and prints each
/// column's median over the rounds, then every round's p99 and the webhook's ratio to the floor.
/// </summary>
internal static class WebhookLoad
{
    private const string FloorPath = "/floor";

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = Option(args, "--connections", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "10"), CultureInfo.InvariantCulture));
        // Long enough for tiered compilation to finish with the code under test, as in a server that has been up a while.
        var warmUp = TimeSpan.FromSeconds(double.Parse(Option(args, "--warm-up-seconds", "10"), CultureInfo.InvariantCulture));
        var useWrk = Option(args, "--client", "wrk") == "wrk";
        var roundCount = int.Parse(Option(args, "--rounds", "1"), CultureInfo.InvariantCulture);
        if (roundCount < 1)
        {
            await Console.Error.WriteLineAsync("load: --rounds must be 1 or more");
            return 2;
        }

        string? wrk = null;
        try
        {
            wrk = useWrk ? ServerProcess.FindTool("wrk", "install it with scripts/install-bench-deps.sh, or pass --client dotnet") : null;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync("load: " + e.Message);
            return 2;
        }

        using var authority = new TestCertificateAuthority("load");
        var certDirectory = Directory.CreateTempSubdirectory("rightsizer-load-").FullName;
        authority.IssueServing(certDirectory);
        var policies = new[] { MemoryPolicy("web").ForDeployment("web").Recommend("app", "300Mi", "600Mi", JvmHeap()).Recommend("proxy", "64Mi", "128Mi").Build() };
        await using var app = Build(new StaticAdmissionCache(policies), certDirectory);
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        var pod = Pod().OfDeployment("web")
            .WithContainer("app", c => c.Image("eclipse-temurin:21-jre").Env("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8").Requests("200Mi", "250m"))
            .WithContainer("proxy", c => c.EmptyResources())
            .Build();
        var review = Encoding.UTF8.GetBytes(AdmissionReviewBuilder.ForPod(pod).ToJsonString());
        var reviewFile = Path.Combine(certDirectory, "review.json");
        await File.WriteAllBytesAsync(reviewFile, review);

        // Rounds alternate the two endpoints, so a machine whose speed drifts within minutes moves both alike; the
        // table gives each column's median over the rounds, and a line per connection count each round's p99s and their ratio.
        var endpoints = new[] { ("floor (fixed review)", FloorPath), ("pod webhook", WebhookDefaults.MutatePodPath) };
        var rounds = new List<LoadResult[]>[connections.Length];
        for (var c = 0; c < connections.Length; c++)
        {
            var count = connections[c];
            using var client = useWrk ? null : Client(baseAddress, authority, count);
            Task<LoadResult> Run(string path, TimeSpan time) => wrk is not null
                ? Wrk(wrk, new Uri(baseAddress, path), reviewFile, count, time)
                : MeasureResult(client!, path, review, count, time);

            foreach (var (_, path) in endpoints)
            {
                await Run(path, warmUp);
            }

            rounds[c] = [];
            for (var round = 0; round < roundCount; round++)
            {
                var results = new LoadResult[endpoints.Length];
                for (var e = 0; e < endpoints.Length; e++)
                {
                    results[e] = await Run(endpoints[e].Item2, duration);
                }

                rounds[c].Add(results);
                await Console.Error.WriteLineAsync(FormattableString.Invariant($"load: {Connections(count)}, round {round + 1} of {roundCount} done"));
            }
        }

        if (roundCount > 1)
        {
            Console.WriteLine(FormattableString.Invariant($"Medians of {roundCount} rounds, the endpoints alternating:"));
            Console.WriteLine();
        }

        Console.WriteLine("| endpoint | connections | requests | throughput (req/s) | p50 (ms) | p99 (ms) | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var c = 0; c < connections.Length; c++)
        {
            for (var e = 0; e < endpoints.Length; e++)
            {
                var results = rounds[c].Select(r => r[e]).ToList();
                var requests = Median(results.Select(r => (double)r.Requests));
                Console.WriteLine(FormattableString.Invariant(
                    $"| {endpoints[e].Item1} | {connections[c]} | {requests:0} | {requests / duration.TotalSeconds:0} | {Median(results.Select(r => r.P50)):0.00} | {Median(results.Select(r => r.P99)):0.00} | {results.Sum(r => r.Errors)} |"));
            }
        }

        if (roundCount > 1)
        {
            Console.WriteLine();
            for (var c = 0; c < connections.Length; c++)
            {
                var ratios = rounds[c].Select(r => r[1].P99 / r[0].P99).ToList();
                Console.WriteLine(FormattableString.Invariant(
                    $"{Connections(connections[c])}, p99 per round (ms): floor {Values(rounds[c].Select(r => r[0].P99))}; webhook {Values(rounds[c].Select(r => r[1].P99))}; webhook/floor {Values(ratios)} (median {Median(ratios):0.00})"));
            }
        }

        await app.StopAsync();
        Directory.Delete(certDirectory, recursive: true);
        return 0;
    }

    private static WebApplication Build(IAdmissionCache cache, string certDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(cache);
        builder.Services.AddRightSizerWebhooks(o => o.CertDirectory = certDirectory);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseWebhookCertificate(kestrel.ApplicationServices.GetRequiredService<ServingCertificate>())));
        var app = builder.Build();
        app.MapRightSizerWebhooks();
        var floor = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"3f1c5e2a-0000-4000-8000-000000000001","allowed":true}}"""u8.ToArray();
        app.MapPost(FloorPath, async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            // One buffer with its length, as the webhook answers: a chunked floor would pay a framing the webhook does not.
            context.Response.ContentLength = floor.Length;
            await context.Response.Body.WriteAsync(floor);
        });
        return app;
    }

    private static HttpClient Client(Uri baseAddress, TestCertificateAuthority authority, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => authority.Verifies(certificate) },
        })
        { BaseAddress = baseAddress };

    // Each of the connection loops posts back to back until the time is up; latencies are in milliseconds.
    private static async Task<List<double>> Measure(HttpClient client, string path, byte[] body, int connections, TimeSpan duration)
    {
        var time = TimeProvider.System;
        var end = time.GetTimestamp() + (long)(duration.TotalSeconds * time.TimestampFrequency);
        var loops = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (time.GetTimestamp() < end)
            {
                var started = time.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(path + "?timeout=5s", content);
                await response.Content.CopyToAsync(Stream.Null);
                response.EnsureSuccessStatusCode();
                latencies.Add(time.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        }));
        return [.. (await Task.WhenAll(loops)).SelectMany(l => l)];
    }

    // One wrk run: a single thread (the server keeps the other core), the connections given, the script's RESULT line parsed.
    private static async Task<LoadResult> Wrk(string executable, Uri url, string reviewFile, int connections, TimeSpan duration)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Wrk", "post-review.lua");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t1", $"-c{connections}", FormattableString.Invariant($"-d{duration.TotalSeconds:0}s"), "--timeout", "5s", "-s", script, url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RIGHTSIZER_REVIEW"] = reviewFile;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var error = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').SingleOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk exited {wrk.ExitCode} without a result: {output}{error}");
        var fields = line.Split(' ').Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new LoadResult((int)fields[0], fields[1] / 1000.0, fields[2] / 1000.0, fields[3]);
    }

    private static async Task<LoadResult> MeasureResult(HttpClient client, string path, byte[] body, int connections, TimeSpan duration)
    {
        var latencies = await Measure(client, path, body, connections, duration);
        return new LoadResult(latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), 0);
    }

    private static string Connections(int count) => count == 1 ? "1 connection" : FormattableString.Invariant($"{count} connections");

    private static double Median(IEnumerable<double> values) => Percentile([.. values], 0.50);

    private static string Values(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }

    private readonly record struct LoadResult(int Requests, double P50, double P99, long Errors);

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
