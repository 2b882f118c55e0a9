using BenchmarkDotNet.Running;

// "load" runs the webhook load test, "apiserver" the API test server's footprint; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
{
    return await RightSizer.Benchmarks.WebhookLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "apiserver")
{
    return await RightSizer.Benchmarks.ApiServerFootprint.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(RightSizer.Benchmarks.EstimatorBenchmarks).Assembly).Run(args);
return 0;
