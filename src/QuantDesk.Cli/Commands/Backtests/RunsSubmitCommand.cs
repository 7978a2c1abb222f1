using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Input;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Backtests;

/// <summary>
/// <c>quantdesk runs submit --dataset ID --strategy FILE.json --fees BPS --slippage BPS [--no-funding] [--wait]</c>.
/// The submission is sent once: a failed submit is reported, never repeated, since a repeat would start a second run.
/// </summary>
internal static class RunsSubmitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset to run against (see 'datasets list').", HelpName = "ID", Required = true };
        var strategy = new Option<string>("--strategy")
        {
            Description = "The strategy card: a file holding a JSON object, or - to read it from stdin.",
            HelpName = "FILE.json",
            Required = true,
        };
        var fees = new Option<decimal>("--fees") { Description = "Taker fee assumption, in basis points.", HelpName = "BPS", Required = true, CustomParser = OptionParsers.BasisPoints };
        var slippage = new Option<decimal>("--slippage") { Description = "Slippage assumption, in basis points.", HelpName = "BPS", Required = true, CustomParser = OptionParsers.BasisPoints };
        var noFunding = new Option<bool>("--no-funding") { Description = "Leave funding payments out of the simulation (they are applied by default)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the run to finish and show its metrics. Exit code 7 if it finished other than completed." };
        var waitOptions = new WaitOptions();

        var submit = new Command("submit", "Submit a strategy for a backtest run; prints the run id, or with --wait the final metrics.")
        {
            dataset, strategy, fees, slippage, noFunding, wait,
        };
        foreach (var option in waitOptions.All)
        {
            submit.Options.Add(option);
        }

        submit.Validators.Add(result =>
        {
            if (!result.GetValue(wait) && waitOptions.All.Any(option => result.GetResult(option) is not null))
            {
                result.AddError("--poll-interval and --timeout apply only with --wait.");
            }
        });

        runner.SetAction(submit, async (invocation, cancellationToken) =>
        {
            var parsed = invocation.ParseResult;
            var datasetId = parsed.GetRequiredValue(dataset);
            if (string.IsNullOrWhiteSpace(datasetId))
            {
                throw new CliInputException("--dataset must not be blank: give a dataset id from 'datasets list'.");
            }

            var request = new SubmitBacktestRunRequest
            {
                DatasetId = datasetId,
                Strategy = StrategyFile.Read(parsed.GetRequiredValue(strategy), invocation.Terminal.Input),
                Fees = parsed.GetValue(fees),
                Slippage = parsed.GetValue(slippage),
                Funding = !parsed.GetValue(noFunding),
            };
            var submission = (await invocation.Api.Backtests.SubmitBacktestRunAsync(request, cancellationToken).ConfigureAwait(false)).Data;
            if (!parsed.GetValue(wait))
            {
                invocation.Output.Result(submission, RunViews.Submission);
                if (!invocation.Sandbox)
                {
                    invocation.Output.Notice($"Wait for it with: quantdesk runs wait {submission.RunId}");
                }

                return ExitCodes.Success;
            }

            // Waiting, JSON shows only the final run; people see the submission as a line of context.
            invocation.Output.Notice($"Submitted run {Output.Rendering.TerminalText.Safe(submission.RunId)} ({Output.Rendering.TerminalText.Safe(submission.Status.ToString())}).");
            return await RunOutcome.WaitAsync(invocation, submission.RunId, waitOptions, cancellationToken).ConfigureAwait(false);
        }, needsToken: true);

        return submit;
    }
}
