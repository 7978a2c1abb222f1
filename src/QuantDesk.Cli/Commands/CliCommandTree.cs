using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using QuantDesk.Cli.Hosting;

namespace QuantDesk.Cli.Commands;

/// <summary>The <c>quantdesk</c> command line: global options, <c>datasets</c> and <c>runs</c>.</summary>
internal static class CliCommandTree
{
    public const string Name = "quantdesk";

    public static Command Create(CliTerminal terminal)
    {
        var globalOptions = new GlobalOptions();
        var runner = new CommandRunner(terminal, globalOptions);

        // A named root rather than RootCommand, whose name is the executable's: "quantdesk" whether run as the
        // installed tool, through dotnet run, or in-process by the tests.
        var root = new Command(Name, "The QuantDesk backtest API from the command line: list datasets, submit strategies, wait for runs, read Sharpe, DSR and max drawdown.")
        {
            DatasetsCommand.Create(runner),
            RunsCommand.Create(runner),
        };
        var help = new HelpOption();
        help.Action = new ExitCodesHelpAction((SynchronousCommandLineAction)help.Action!, root);
        root.Options.Add(help);
        root.Options.Add(new VersionOption());
        foreach (var option in globalOptions.All)
        {
            root.Options.Add(option);
        }

        return root;
    }
}
