using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using QuantDesk.Cli.Errors;

namespace QuantDesk.Cli.Commands;

/// <summary>The standard help, followed on the top-level help by the list of exit codes.</summary>
internal sealed class ExitCodesHelpAction(SynchronousCommandLineAction standardHelp, Command root) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => standardHelp.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        var result = standardHelp.Invoke(parseResult);
        if (parseResult.CommandResult.Command == root)
        {
            var output = parseResult.InvocationConfiguration.Output;
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
