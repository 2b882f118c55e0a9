using RightSizer.Operator.Cli;

return await CliApp.InvokeAsync(args, TimeProvider.System, Console.Out, Console.Error);
