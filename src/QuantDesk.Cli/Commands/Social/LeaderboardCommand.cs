using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Social;

/// <summary><c>quantdesk leaderboard list [--limit N] [--offset N] [--all]</c>.</summary>
internal static class LeaderboardCommand
{
    public const int DefaultLimit = 10;
    public const int PageSizeForAll = 100;

    public static Command Create(CommandRunner runner)
    {
        var limit = new Option<int?>("--limit")
        {
            Description = $"Rows per page (1 to 500). Default: {DefaultLimit}; with --all, {PageSizeForAll} per request.",
            HelpName = "rows",
            CustomParser = result => OptionParsers.WholeNumber(1, 500)(result),
        };
        var offset = new Option<int?>("--offset")
        {
            Description = "Rows to skip from the top. Default: 0.",
            HelpName = "rows",
            CustomParser = result => OptionParsers.WholeNumber(0, int.MaxValue)(result),
        };
        var all = new Option<bool>("--all") { Description = "Read every page, from the top, until the board ends." };
        var list = new Command("list", "Show the leaderboard: rank, leader, total PnL (green or red, signed), strategy, badges and flex card.") { limit, offset, all };
        list.Validators.Add(result =>
        {
            if (result.GetValue(all) && result.GetResult(offset) is not null)
            {
                result.AddError("--all reads from the top: leave out --offset.");
            }
        });
        runner.OffersCsv(list);
        runner.SetAction(list, async (invocation, cancellationToken) =>
        {
            var parsed = invocation.ParseResult;
            var start = parsed.GetValue(offset) ?? 0;
            IReadOnlyList<LeaderboardRow> rows;
            if (parsed.GetValue(all))
            {
                var collected = new List<LeaderboardRow>();
                await foreach (var row in invocation.Api.Social.GetLeaderboardRowsAsync(parsed.GetValue(limit) ?? PageSizeForAll, cancellationToken).ConfigureAwait(false))
                {
                    collected.Add(row);
                }

                rows = collected;
            }
            else
            {
                rows = (await invocation.Api.Social.GetLeaderboardAsync(parsed.GetValue(limit) ?? DefaultLimit, start, cancellationToken).ConfigureAwait(false)).Data;
            }

            return invocation.Show<IReadOnlyList<RankedRow>>([.. rows.Select((row, index) => new RankedRow(start + index + 1, row))], SocialViews.Leaderboard);
        });

        return new Command("leaderboard", "The social leaderboard of vaults.") { list };
    }
}
