using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using QuantDesk.Cli.Commands.Backtests;
using QuantDesk.Cli.Commands.Markets;
using QuantDesk.Cli.Commands.Oracle;
using QuantDesk.Cli.Commands.Portfolio;
using QuantDesk.Cli.Commands.Referrals;
using QuantDesk.Cli.Commands.Social;
using QuantDesk.Cli.Hosting;

namespace QuantDesk.Cli.Commands;

/// <summary>The <c>quantdesk</c> command line: global options and one command group per area of the API.</summary>
internal static class CliCommandTree
{
    public const string Name = "quantdesk";

    public static RootCommand Create(CliTerminal terminal)
    {
        var globalOptions = new GlobalOptions();
        var runner = new CommandRunner(terminal, globalOptions);

        // A RootCommand, so that System.CommandLine's directives work: [suggest] (tab completion through
        // dotnet-suggest) and [diagram]. Its name is the executable's, "quantdesk" once installed.
        var root = new RootCommand("The QuantDesk API from the command line: markets, orderbooks, oracle prices, candles, your portfolio, the leaderboard and flex cards, referrals, and backtests with Sharpe, DSR and max drawdown.")
        {
            MarketsCommand.Create(runner),
            OracleCommand.Create(runner),
            PortfolioCommand.Create(runner),
            LeaderboardCommand.Create(runner),
            FlexCommand.Create(runner),
            ReferralsCommand.Create(runner),
            DatasetsCommand.Create(runner),
            RunsCommand.Create(runner),
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelpAction((SynchronousCommandLineAction)help.Action!, root);
        root.Directives.Add(new DiagramDirective());
        foreach (var option in globalOptions.All)
        {
            root.Options.Add(option);
        }

        return root;
    }
}
