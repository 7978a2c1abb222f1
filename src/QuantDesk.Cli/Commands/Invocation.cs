using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Hosting;
using QuantDesk.Cli.Output;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands;

/// <summary>What a command's action works with: its parsed arguments, a ready client and where to show results.</summary>
internal sealed record Invocation(ParseResult ParseResult, IQuantDeskClient Api, ICliOutput Output, CliTerminal Terminal, bool Sandbox)
{
    /// <summary>Shows a command's result; the exit code of a command that got one.</summary>
    public int Show<T>(T value, CliView<T> view)
    {
        Output.Result(value, view);
        return ExitCodes.Success;
    }
}
