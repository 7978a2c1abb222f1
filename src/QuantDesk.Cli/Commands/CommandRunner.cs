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
    public void SetAction(Command command, Func<Invocation, CancellationToken, Task<int>> action) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, cancellationToken));

    private async Task<int> RunAsync(ParseResult parseResult, Func<Invocation, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var token = ConnectionSettings.ReadToken(parseResult, options, terminal.Environment);
        try
        {
            var settings = ConnectionSettings.Read(parseResult, options, terminal.Environment);
            ICliOutput output = parseResult.GetValue(options.Json) ? new JsonOutput(terminal.OutputWriter) : new HumanOutput(terminal.Output);
            using var session = ApiSession.Open(settings);
            if (session.SandboxAddress is { } sandbox)
            {
                output.Notice($"QuantDesk sandbox (embedded, no network): {sandbox}");
            }

            return await action(new Invocation(parseResult, session.Client, output, terminal, settings.Sandbox), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            return FailureReport.Write(failure, terminal.Error, token);
        }
    }
}
