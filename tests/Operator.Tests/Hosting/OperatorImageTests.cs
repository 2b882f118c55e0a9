using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RightSizer.Testing.Builders;
using RightSizer.Testing.Tls;

namespace RightSizer.Operator.Tests.Hosting;

/// <summary>
/// The image that <c>make image</c> builds (podman, Debian-package base), run as user 65532 on a read-only root
/// filesystem: the operator starts and answers /healthz. Building takes a few minutes, so it is its own category.
/// </summary>
[Category("Image")]
public sealed class OperatorImageTests
{
    private const string Image = "localhost/rightsizer:dev";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [OneTimeSetUp]
    public static async Task BuildImage()
    {
        var (code, output) = await RunAsync("make", $"-C {RepositoryRoot.Path} image IMAGE={Image}", TimeSpan.FromMinutes(15));
        Assert.That(code, Is.Zero, $"make image failed (it installs podman, buildah and runc through scripts/install-image-tools.sh):\n{output}");
    }

    [Test]
    public async Task Run_NonRootReadOnlyRoot_HealthzAnswers()
    {
        var kubeconfig = Path.Combine(TestContext.CurrentContext.WorkDirectory, "image-kubeconfig.yaml");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: [{name: none, cluster: {server: \"http://127.0.0.1:1\"}}]\nusers: [{name: none, user: {token: unused}}]\ncontexts: [{name: none, context: {cluster: none, user: none}}]\ncurrent-context: none\n");
        var port = FreePort();
        var name = $"rightsizer-image-test-{Environment.ProcessId}";
        var (started, output) = await RunAsync("podman",
            $"run -d --rm --name {name} --runtime runc --read-only --user 65532:65532 --network host " +
            $"-v {kubeconfig}:/config/kubeconfig:ro {Image} operator --kubeconfig /config/kubeconfig " +
            $"--prometheus-url http://127.0.0.1:1 --health-probe-bind-address 127.0.0.1:{port} --metrics-bind-address 0 --webhook-bind-address 0",
            Wait);
        Assert.That(started, Is.Zero, output);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var status = await PollAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"));
            var (_, user) = await RunAsync("podman", $"inspect --format {{{{.Config.User}}}} {name}", Wait);

            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(user.Trim(), Is.EqualTo("65532:65532"));
        }
        finally
        {
            await RunAsync("podman", $"stop -t 10 {name}", Wait);
        }
    }

    [Test]
    public async Task Run_ReadOnlyCertDir_AdmissionReviewsAnsweredOverVerifiedTls()
    {
        var directory = TestContext.CurrentContext.WorkDirectory;
        var kubeconfig = Path.Combine(directory, "image-webhook-kubeconfig.yaml");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: [{name: none, cluster: {server: \"http://127.0.0.1:1\"}}]\nusers: [{name: none, user: {token: unused}}]\ncontexts: [{name: none, context: {cluster: none, user: none}}]\ncurrent-context: none\n");
        using var authority = new TestCertificateAuthority("image-webhook");
        var certDir = Path.Combine(directory, $"image-webhook-certs-{Guid.NewGuid():N}");
        authority.IssueServing(certDir);
        var (probes, webhooks) = (FreePort(), FreePort());
        var name = $"rightsizer-image-webhook-test-{Environment.ProcessId}";
        var (started, output) = await RunAsync("podman",
            $"run -d --rm --name {name} --runtime runc --read-only --user 65532:65532 --network host " +
            $"-v {kubeconfig}:/config/kubeconfig:ro -v {certDir}:/certs:ro {Image} operator --kubeconfig /config/kubeconfig " +
            $"--prometheus-url http://127.0.0.1:1 --health-probe-bind-address 127.0.0.1:{probes} --metrics-bind-address 0 " +
            $"--webhook-bind-address 127.0.0.1:{webhooks} --webhook-cert-dir /certs",
            Wait);
        Assert.That(started, Is.Zero, output);
        try
        {
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => authority.Verifies(certificate) };
            using var https = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
            var baseUrl = new Uri($"https://127.0.0.1:{webhooks}");
            var pod = await PostUntilServedAsync(https, new Uri(baseUrl, "/mutate--v1-pod"),
                AdmissionReviewBuilder.ForPod(PodBuilder.Pod().GenerateName("web-").WithContainer("app").Build(), uid: "image-pod").ToJsonString());
            var policy = await PostUntilServedAsync(https, new Uri(baseUrl, "/validate-rightsizer-io-v1alpha1-memorypolicy"),
                AdmissionReviewBuilder.ForMemoryPolicy(System.Text.Json.Nodes.JsonNode.Parse("""
                    {"apiVersion": "rightsizer.io/v1alpha1", "kind": "MemoryPolicy", "metadata": {"name": "web", "namespace": "shop"},
                     "spec": {"targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                              "containers": [{"containerName": "app", "minAllowed": "128Mi", "maxAllowed": "64Mi"}]}}
                    """)!.AsObject(), uid: "image-policy").ToJsonString());

            Assert.Multiple(() =>
            {
                Assert.That(pod?["apiVersion"]?.GetValue<string>(), Is.EqualTo("admission.k8s.io/v1"), pod?.ToJsonString());
                Assert.That(pod?["kind"]?.GetValue<string>(), Is.EqualTo("AdmissionReview"));
                Assert.That(pod?["response"]?["uid"]?.GetValue<string>(), Is.EqualTo("image-pod"));
                Assert.That(pod?["response"]?["allowed"]?.GetValue<bool>(), Is.True, "no cluster: the pod is admitted unchanged");
                Assert.That(policy?["response"]?["uid"]?.GetValue<string>(), Is.EqualTo("image-policy"), policy?.ToJsonString());
                Assert.That(policy?["response"]?["allowed"]?.GetValue<bool>(), Is.False);
                Assert.That(policy?["response"]?["status"]?["message"]?.GetValue<string>(), Does.Contain("spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)"));
            });
        }
        finally
        {
            await RunAsync("podman", $"stop -t 10 {name}", Wait);
        }
    }

    // The server answers once it has started and loaded the mounted certificate; each attempt is bounded.
    private static async Task<System.Text.Json.Nodes.JsonNode?> PostUntilServedAsync(HttpClient https, Uri url, string review)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await https.PostAsync(url, new StringContent(review, System.Text.Encoding.UTF8, "application/json"));
                return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (clock.Elapsed < Wait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            }
        }
    }

    // The container needs a moment to start; each attempt is bounded, and the loop ends at the first answer.
    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, Uri url)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Wait)
        {
            try
            {
                using var response = await http.GetAsync(url);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
