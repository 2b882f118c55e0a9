using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RightSizer.Benchmarks.EstimatorBenchmarks).Assembly).Run(args);
