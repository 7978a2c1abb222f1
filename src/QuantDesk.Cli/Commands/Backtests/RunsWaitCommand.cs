using System.CommandLine;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary><c>quantdesk runs wait ID</c>: polls a run until it finishes.</summary>
internal static class RunsWaitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var runId = RunsGetCommand.RunId();
        var waitOptions = new WaitOptions();
        var wait = new Command("wait", "Wait until a run finishes, showing its progress, then show its metrics. Exit code 7 if it finished other than completed.") { runId };
        foreach (var option in waitOptions.All)
        {
            wait.Options.Add(option);
        }

        runner.SetAction(wait, (invocation, cancellationToken) =>
            RunOutcome.WaitAsync(invocation, invocation.ParseResult.GetRequiredValue(runId), waitOptions, cancellationToken));

        return wait;
    }
}
