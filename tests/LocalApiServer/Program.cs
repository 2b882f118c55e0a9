using System.Runtime.InteropServices;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.KubeApi.Sandbox;
using RightSizer.Testing.Prometheus;

// make sandbox: the local API server with its simulated cluster and a real Prometheus holding the sample history,
// until Ctrl-C or SIGTERM; both are stopped and their temporary folders removed on the way out.
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    arguments[args[i].TrimStart('-')] = args[i + 1];
}

var kubeconfig = Path.GetFullPath(arguments.GetValueOrDefault("kubeconfig", "artifacts/sandbox/kubeconfig"));
var history = arguments.GetValueOrDefault("history", "samples/history/bitbrains-rnd-sample.csv.gz");
var version = arguments.GetValueOrDefault("version", "1.33");

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

await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = version });
server.Nodes.AddNode("node-1", "16Gi", "8");
server.Nodes.AddNode("node-2", "16Gi", "8");
Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
File.Copy(server.KubeconfigPath, kubeconfig, overwrite: true);

var prometheusDirectory = Directory.CreateTempSubdirectory("sandbox-prometheus-").FullName;
var openMetrics = HistoryBackfill.WriteOpenMetrics(history, "sandbox", prometheusDirectory, TimeProvider.System.GetUtcNow());
await using var prometheus = await PrometheusServer.StartAsync(prometheusDirectory, [openMetrics], stop.Token);

Console.WriteLine($"""
    Kubernetes API (v{version}, simulated nodes node-1 and node-2): {server.BaseUrl}
    Prometheus with {Path.GetFileName(history)} in namespace "sandbox": {prometheus.BaseUrl}

      export KUBECONFIG={kubeconfig}
      kubectl get nodes
      kubectl apply -f config/crds

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
