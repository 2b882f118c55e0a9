using System.CommandLine;
using RightSizer.Operator.Cli;
using RightSizer.Operator.Hosting;

// SIGTERM cancels the command; the operator then drains in-flight work for up to its grace period before exiting.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = OperatorDefaults.ShutdownGrace + TimeSpan.FromSeconds(5) };
return await CliApp.CreateRootCommand(TimeProvider.System).Parse(args).InvokeAsync(invocation);
