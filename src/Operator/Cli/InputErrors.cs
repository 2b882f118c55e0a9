using RightSizer.Recommender.History;

namespace RightSizer.Operator.Cli;

/// <summary>
/// The error contract of the commands that read history (recommend, export, report): one <c>error:</c> line per
/// problem on stderr and the exit code docs/cli.md gives for it.
/// </summary>
internal static class InputErrors
{
    public static async Task<int> ReportAsync(TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (CliInputException e)
        {
            foreach (var line in e.Message.Split(Environment.NewLine))
            {
                await stderr.WriteLineAsync("error: " + line);
            }

            return ExitCodes.InputError;
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return ExitCodes.InputError;
        }
        catch (HistorySourceException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return e.Unreachable ? ExitCodes.SourceUnreachable : ExitCodes.InputError;
        }
    }
}
