using Spectre.Console;

namespace QuantDesk.Cli.Hosting;

/// <summary>
/// Everything the CLI reads from and writes to: standard output as a Spectre console (tables, pictures, the live
/// progress line), standard error, standard input, the environment and the clock. The process passes the real
/// ones; tests pass strings, a dictionary and a fake clock, and run the whole CLI in-process.
/// </summary>
/// <param name="Output">Standard output. Its <c>Capabilities.Interactive</c> decides between a live progress line and plain lines.</param>
/// <param name="Error">Standard error: the one-line failure messages and retry notices.</param>
/// <param name="Input">Standard input, read for <c>--strategy -</c>.</param>
/// <param name="Environment">Reads an environment variable (<c>QUANTDESK_TOKEN</c>, <c>NO_COLOR</c>); null when unset.</param>
internal sealed record CliTerminal(IAnsiConsole Output, TextWriter Error, TextReader Input, Func<string, string?> Environment)
{
    /// <summary>The clock of progress lines and waits.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Standard output as plain text, for JSON, CSV and help: written as is, never wrapped or styled.</summary>
    public TextWriter OutputWriter => Output.Profile.Out.Writer;

    /// <summary>The process's console.</summary>
    public static CliTerminal ForProcess() => new(
        ConsoleFor(Console.Out, isTerminal: !Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable),
        Console.Error,
        Console.In,
        System.Environment.GetEnvironmentVariable);

    /// <summary>
    /// A console on <paramref name="output"/>: colours and the live progress line only on a terminal, and never
    /// colours when <c>NO_COLOR</c> is set (no-color.org) or <c>TERM</c> is <c>dumb</c>. Redirected output (a pipe,
    /// a file, a CI log) gets plain text without escape sequences.
    /// </summary>
    public static IAnsiConsole ConsoleFor(TextWriter output, bool isTerminal, Func<string, string?> environment)
    {
        var colour = isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb";
        var variables = new Dictionary<string, string>();
        foreach (var name in (string[])["TERM", "COLORTERM", "NO_COLOR", "WT_SESSION", "TERM_PROGRAM"])
        {
            if (environment(name) is { } value)
            {
                variables[name] = value;
            }
        }

        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            EnvironmentVariables = variables,
        });
    }
}
