using System.Runtime.InteropServices;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.KubeApi.Sandbox;
using RightSizer.Testing.Prometheus;

// make sandbox: the local API server with its simulated cluster and a real Prometheus holding the sample history
// and the history of docs/usage.md's walkthrough,
// until Ctrl-C or SIGTERM; both are stopped and their temporary folders removed on the way out.
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    arguments[args[i].TrimStart('-')] = args[i + 1];
}

var kubeconfig = Path.GetFullPath(arguments.GetValueOrDefault("kubeconfig", "artifacts/sandbox/kubeconfig"));
var history = arguments.GetValueOrDefault("history", "samples/history/bitbrains-rnd-sample.csv.gz");
var version = arguments.GetValueOrDefault("version", "1.33");
var webhookPort = int.Parse(arguments.GetValueOrDefault("webhook-port", "9443"), System.Globalization.CultureInfo.InvariantCulture);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, e =>
{
    e.Cancel = true;
    stop.Cancel();
});

// Every webhook Service is reached at 127.0.0.1:webhook-port, where an operator started beside the sandbox listens;
// the URL and the TLS server name stay NAME.NAMESPACE.svc, so the certificate the operator makes itself is verified.
await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions
{
    Version = version,
    DialWebhook = target => target.Host.EndsWith(".svc", StringComparison.Ordinal) ? new System.Net.DnsEndPoint("127.0.0.1", webhookPort) : null,
});
server.Nodes.AddNode("node-1", "16Gi", "8");
server.Nodes.AddNode("node-2", "16Gi", "8");
Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
File.Copy(server.KubeconfigPath, kubeconfig, overwrite: true);

var prometheusDirectory = Directory.CreateTempSubdirectory("sandbox-prometheus-").FullName;
var openMetrics = HistoryBackfill.WriteOpenMetrics(history, "sandbox", prometheusDirectory, TimeProvider.System.GetUtcNow());
var walkthrough = WalkthroughHistory.ShopWeb(new WorkloadHistory(TimeProvider.System.GetUtcNow())).Write(prometheusDirectory);
await using var prometheus = await PrometheusServer.StartAsync(prometheusDirectory, [openMetrics, walkthrough], stop.Token);

Console.WriteLine($"""
    Kubernetes API (v{version}, simulated nodes node-1 and node-2): {server.BaseUrl}
    Prometheus with {Path.GetFileName(history)} in namespace "sandbox" and docs/usage.md's shop/web: {prometheus.BaseUrl}
    Webhook Services are reached at 127.0.0.1:{webhookPort}

      export KUBECONFIG={kubeconfig}
      kubectl apply -k config/default
      dotnet src/Operator/bin/Release/net10.0/rightsizer.dll operator --kubeconfig $KUBECONFIG \
        --prometheus-url {prometheus.BaseUrl} --webhook-bootstrap-cert --webhook-cert-dir artifacts/sandbox/certs \
        --webhook-bind-address 127.0.0.1:{webhookPort} --metrics-bind-address 127.0.0.1:0 --health-probe-bind-address 127.0.0.1:0

    Ctrl-C stops both.
    """);

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopping");
}

File.Delete(kubeconfig);
return 0;
