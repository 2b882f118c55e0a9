using BenchmarkDotNet.Running;

// "load" runs the webhook load test, "apiserver" the API test server's footprint, "footprint" the operator's;
// anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "load":
        return await RightSizer.Benchmarks.WebhookLoad.RunAsync(args[1..]);
    case "apiserver":
        return await RightSizer.Benchmarks.ApiServerFootprint.RunAsync(args[1..]);
    case "footprint":
        return await RightSizer.Benchmarks.OperatorFootprint.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(RightSizer.Benchmarks.EstimatorBenchmarks).Assembly).Run(args);
return 0;
