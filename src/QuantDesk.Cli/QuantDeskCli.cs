using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using QuantDesk.Cli.Commands;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Hosting;

namespace QuantDesk.Cli;

/// <summary>The whole <c>quantdesk</c> tool behind one call, so that tests run it in-process exactly as the process does.</summary>
internal static class QuantDeskCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line, without the tool's name.</param>
    /// <param name="terminal">Where to write, what to read, and the environment.</param>
    /// <param name="cancellationToken">Stops the command; Ctrl+C does the same in the process.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliTerminal terminal, CancellationToken cancellationToken = default)
    {
        var parseResult = CliCommandTree.Create(terminal).Parse(args);
        var configuration = new InvocationConfiguration { Output = terminal.OutputWriter, Error = terminal.Error };

        // Parse errors get the documented bad-input code and one line, rather than the parser's exit code 1 and full help.
        if (parseResult.Action is ParseErrorAction)
        {
            FailureReport.WriteLine(
                terminal.Error,
                $"{string.Join(" ", parseResult.Errors.Select(error => error.Message))} See '{CommandPath(parseResult)} --help'.",
                TokenOnCommandLine(args));
            return ExitCodes.BadInput;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            // The root is named after the executable; people type "quantdesk" whatever runs it.
            names.Insert(0, result.Parent is CommandResult ? result.Command.Name : CliCommandTree.Name);
        }

        return string.Join(' ', names);
    }

    // A parse error may quote any token, and the token is one of them.
    private static string? TokenOnCommandLine(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--token" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--token=", StringComparison.Ordinal) || args[i].StartsWith("--token:", StringComparison.Ordinal))
            {
                return args[i]["--token=".Length..];
            }
        }

        return null;
    }
}
