using Spectre.Console;

namespace QuantDesk.Cli.Hosting;

/// <summary>
/// Everything the CLI reads from and writes to: standard output as a Spectre console (tables, the live progress
/// line), standard error, standard input and the environment. The process passes the real ones; tests pass
/// strings and a dictionary, and run the whole CLI in-process.
/// </summary>
/// <param name="Output">Standard output. Its <c>Capabilities.Interactive</c> decides between a live progress line and plain lines.</param>
/// <param name="Error">Standard error: the one-line failure messages.</param>
/// <param name="Input">Standard input, read for <c>--strategy -</c>.</param>
/// <param name="Environment">Reads an environment variable (<c>QUANTDESK_TOKEN</c>); null when unset.</param>
internal sealed record CliTerminal(IAnsiConsole Output, TextWriter Error, TextReader Input, Func<string, string?> Environment)
{
    /// <summary>Standard output as plain text, for JSON and help: written as is, never wrapped or styled.</summary>
    public TextWriter OutputWriter => Output.Profile.Out.Writer;

    /// <summary>The process's console. Output that is redirected is never treated as interactive.</summary>
    public static CliTerminal ForProcess() => new(
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        }),
        Console.Error,
        Console.In,
        System.Environment.GetEnvironmentVariable);
}
