using QuantDesk.Cli.Hosting;
using Spectre.Console;

namespace QuantDesk.Cli.Tests.Support;

/// <summary>
/// Runs the CLI's entry point in-process, as the process would, with stdout and stderr captured as strings. By
/// default stdout behaves like redirected output (not interactive, no colours, 80 columns).
/// </summary>
public static class Tool
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, environment: null);

    public static async Task<CliResult> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        string standardInput = "",
        IAnsiConsole? console = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        console ??= AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        var terminal = new CliTerminal(console, error, new StringReader(standardInput), name => environment?.GetValueOrDefault(name));

        var exitCode = await QuantDeskCli.RunAsync(args, terminal, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI as on a terminal with colours (TERM=xterm-256color unless the environment says otherwise).</summary>
    public static async Task<CliResult> RunOnTerminalAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var variables = new Dictionary<string, string> { ["TERM"] = "xterm-256color" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var console = CliTerminal.ConsoleFor(output, isTerminal: true, name => variables.GetValueOrDefault(name));
        var error = new StringWriter();
        var terminal = new CliTerminal(console, error, new StringReader(string.Empty), name => variables.GetValueOrDefault(name));
        var exitCode = await QuantDeskCli.RunAsync(args, terminal);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The arguments that point the CLI at a sandbox started by the test, as at any real API.</summary>
    public static string[] Against(Uri baseAddress, params string[] args) => ["--base-url", baseAddress.ToString(), .. args];

    /// <summary>Against a server with a token, for the operations whose contract declares security.</summary>
    public static string[] AgainstWithToken(Uri baseAddress, params string[] args) => ["--base-url", baseAddress.ToString(), "--token", "cli-test-token", .. args];
}
