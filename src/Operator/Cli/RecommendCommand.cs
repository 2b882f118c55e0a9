using System.CommandLine;
using RightSizer.Operator.Cli.Inputs;
using RightSizer.Operator.Cli.Output;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer recommend</c>: one-shot recommendations from Prometheus or a history file.</summary>
public static class RecommendCommand
{
    public static Command Create(TimeProvider time)
    {
        var input = new RecommendationInput();
        var output = new Option<string>("--output", "-o") { Description = "table, json, yaml or csv.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "yaml", "csv");

        var command = new Command(
            "recommend",
            "Recommend memory requests and limits from usage history.\n" +
            "Exit codes: 0 ok, 1 input error (flags, files, policy), 2 data source unreachable.");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(input.Stats);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return await InputErrors.ReportAsync(stderr, async () =>
            {
                var run = await input.RunAsync(parse, time, keepHistories: false, cancellationToken);
                var report = RecommendationReport.From(time.GetUtcNow(), run.AsOf, run.Recommendations);
                switch (parse.GetValue(output))
                {
                    case "json": ReportJson.Write(report, stdout); break;
                    case "yaml": ReportYaml.Write(report, stdout); break;
                    case "csv": ReportCsv.Write(report, stdout); break;
                    default: ReportTable.Write(report, stdout); break;
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
