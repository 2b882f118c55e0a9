using RightSizer.Operator.Cli;

return await CliApp.CreateRootCommand(TimeProvider.System).Parse(args).InvokeAsync();
