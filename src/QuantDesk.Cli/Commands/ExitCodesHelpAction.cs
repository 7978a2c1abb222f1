using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using QuantDesk.Cli.Errors;

namespace QuantDesk.Cli.Commands;

/// <summary>
/// The standard help, with the usage naming the tool as people type it (<c>quantdesk</c>, not the executable that
/// happens to run it, such as <c>QuantDesk.Cli</c> under <c>dotnet run</c>), followed on the top-level help by the
/// list of exit codes.
/// </summary>
internal sealed class ExitCodesHelpAction(SynchronousCommandLineAction standardHelp, Command root) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => standardHelp.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var help = new StringWriter(CultureInfo.InvariantCulture);
        configuration.Output = help;
        int result;
        try
        {
            result = standardHelp.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(help.ToString().Replace($"\n  {root.Name} ", $"\n  {CliCommandTree.Name} ", StringComparison.Ordinal));
        if (parseResult.CommandResult.Command == root)
        {
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes.Documented)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-5}{meaning}"));
            }

            output.WriteLine();
        }

        return result;
    }
}
