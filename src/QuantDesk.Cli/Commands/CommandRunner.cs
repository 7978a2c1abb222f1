using System.CommandLine;
using QuantDesk.Cli.Connection;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Hosting;
using QuantDesk.Cli.Output;

namespace QuantDesk.Cli.Commands;

/// <summary>
/// Runs a command's action the same way for every command: reads the connection settings, opens the client (and
/// the sandbox), picks the output, and turns any failure into its exit code and one line on stderr.
/// </summary>
internal sealed class CommandRunner(CliTerminal terminal, GlobalOptions options)
{
    public GlobalOptions Options => options;

    /// <summary>Sets the command's action.</summary>
    /// <param name="command">The command.</param>
    /// <param name="action">What it does, with a ready client.</param>
    /// <param name="needsToken">The operation's contract declares security: without a token the command says how to give one and sends nothing.</param>
    public void SetAction(Command command, Func<Invocation, CancellationToken, Task<int>> action, bool needsToken = false) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, needsToken, cancellationToken));

    /// <summary>Adds <c>--csv</c> to a command whose result is rows.</summary>
    public void OffersCsv(Command command) => command.Options.Add(options.Csv);

    private async Task<int> RunAsync(ParseResult parseResult, Func<Invocation, CancellationToken, Task<int>> action, bool needsToken, CancellationToken cancellationToken)
    {
        string? token = null;
        try
        {
            token = ConnectionSettings.ReadToken(parseResult, options, terminal.Environment);
            var settings = ConnectionSettings.Read(parseResult, options, terminal.Environment);
            if (needsToken && settings.Token is null)
            {
                throw new MissingTokenException();
            }

            var output = OutputFor(parseResult);
            using var session = ApiSession.Open(settings, output.Format == OutputFormat.Human ? new RetryNotices(terminal.Error) : null);
            if (session.SandboxAddress is { } sandbox)
            {
                output.Notice($"QuantDesk sandbox (embedded, no network): {sandbox}");
            }

            return await action(new Invocation(parseResult, session.Api, output, terminal, settings.Sandbox), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            return FailureReport.Write(failure, terminal.Error, token ?? ConnectionSettings.RawToken(parseResult, options, terminal.Environment));
        }
    }

    private ICliOutput OutputFor(ParseResult parseResult)
    {
        var json = parseResult.GetValue(options.Json);
        var csv = parseResult.GetResult(options.Csv) is not null && parseResult.GetValue(options.Csv);
        return (json, csv) switch
        {
            (true, true) => throw new CliInputException("--json and --csv cannot be used together: pick one format for stdout."),
            (true, false) => new MachineOutput(terminal.OutputWriter, OutputFormat.Json),
            (false, true) => new MachineOutput(terminal.OutputWriter, OutputFormat.Csv),
            _ => new HumanOutput(terminal.Output, terminal.Clock),
        };
    }
}
