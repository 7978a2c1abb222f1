using System.Globalization;
using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>The leaderboard (PnL coloured by sign), a flex card, and a referral check.</summary>
internal static class SocialViews
{
    private static readonly TableView<RankedRow> Table = new(
        "No leaderboard rows.",
        Column<RankedRow>.Number("#", row => row.Rank.ToString(CultureInfo.InvariantCulture)),
        new Column<RankedRow>("Leader", row => row.Row.Leader),
        Column<RankedRow>.Number("Total PnL", row => Numbers.Signed(row.Row.TotalPnl), row => Palette.BySign(row.Row.TotalPnl)),
        new Column<RankedRow>("Strategy", row => row.Row.Strategy),
        new Column<RankedRow>("Active", row => Numbers.YesNo(row.Row.IsActive)),
        new Column<RankedRow>("Badges", row => row.Row.Badges is { Count: > 0 } badges ? string.Join(", ", badges) : string.Empty),
        new Column<RankedRow>("Flex card", row => row.Row.FlexCardId),
        new Column<RankedRow>("Vault", row => row.Row.VaultAddress, CsvOnly: true));

    public static CliView<IReadOnlyList<RankedRow>> Leaderboard { get; } = CliView.Projected<IReadOnlyList<RankedRow>, IReadOnlyList<LeaderboardRow>>(
        rows => [.. rows.Select(row => row.Row)],
        CliJsonContext.Default.IReadOnlyListLeaderboardRow,
        (rows, _) => Table.Render(rows),
        Table.WriteCsv);

    public static CliView<FlexCard> FlexCard { get; } = CliView.Of(CliJsonContext.Default.FlexCard, (card, _) => DetailsView.Render(
        ("Flex card", card.FlexCardId, null),
        ("Run", card.RunId, null),
        ("Title", card.Title, null),
        ("Description", card.Description, null),
        ("Badges", card.Badges is { Count: > 0 } badges ? string.Join(", ", badges) : "none", null)));

    public static CliView<ReferralCheck> Referral { get; } = CliView.Projected<ReferralCheck, ReferralValidation>(
        check => check.Validation,
        CliJsonContext.Default.ReferralValidation,
        (check, _) => DetailsView.Render(
            ("Referrer", check.ReferrerAddress, null),
            ("Verdict", check.Validation.IsLoop switch
            {
                true => "rejected: the referral would close a loop",
                false => "accepted: no loop, safe to use on-chain",
                null => "unknown: the API did not say",
            }, check.Validation.IsLoop switch { true => Palette.Loss, false => Palette.Gain, null => Palette.Pending })));
}
