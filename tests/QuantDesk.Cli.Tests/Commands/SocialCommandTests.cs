using System.Text.Json;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class SocialCommandTests
{
    private static LeaderboardRow[] Board(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new LeaderboardRow { Leader = $"leader-{i}", TotalPnl = 1000m - (i * 100m), VaultAddress = $"vault-{i}", IsActive = true })];

    [Test]
    public async Task The_leaderboard_ranks_rows_from_the_offset_and_signs_the_pnl()
    {
        using var sandbox = QuantDeskSandbox.Start().WithLeaderboard(Board(15));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "leaderboard", "list", "--limit", "3", "--offset", "9"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"│\s+10\s+│\s+leader-10\s+│\s+0\s+│"));
        Assert.That(result.OutputLines, Has.Some.Match(@"│\s+12\s+│\s+leader-12\s+│\s+-200\s+│"));
        Assert.That(result.Output, Does.Not.Contain("vault-10"), "addresses are for CSV and JSON");
        Assert.That(sandbox.Server.LogEntries.Single().RequestMessage!.Url, Does.EndWith("/api/v2/leaderboard?limit=3&offset=9"));
    }

    [Test]
    public async Task All_pages_through_the_whole_board()
    {
        using var sandbox = QuantDeskSandbox.Start().WithLeaderboard(Board(25));

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "leaderboard", "list", "--all", "--limit", "10", "--csv"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Length.EqualTo(26), "a header and 25 rows");
        Assert.That(result.OutputLines[25], Does.StartWith("25,leader-25,-1500,"));
        Assert.That(sandbox.ReceivedRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_flex_card_is_published_with_the_given_run_and_title()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "flex", "publish", "--run", QuantDeskSandbox.ExampleRunId, "--title", "Mean reversion 🚀", "--json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var body = JsonDocument.Parse(sandbox.ReceivedRequests.Single().Body!);
        Assert.That(body.RootElement.GetProperty("run_id").GetString(), Is.EqualTo(QuantDeskSandbox.ExampleRunId));
        Assert.That(body.RootElement.GetProperty("title").GetString(), Is.EqualTo("Mean reversion 🚀"));
        using var card = JsonDocument.Parse(result.Output);
        Assert.That(card.RootElement.GetProperty("flex_card_id").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Publishing_without_a_token_sends_nothing()
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "flex", "publish", "--run", "r", "--title", "t"));

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_flex_card_is_read_by_id()
    {
        var result = await Tool.RunAsync("--sandbox", "flex", "get", QuantDeskSandbox.ExampleFlexCardId);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@$"Flex card\s+│\s+{QuantDeskSandbox.ExampleFlexCardId}"));
        Assert.That(result.OutputLines, Has.Some.Match(@"Badges\s+│\s+gate-verified"));
    }

    [Test]
    public async Task A_referral_that_closes_a_loop_is_rejected()
    {
        using var sandbox = QuantDeskSandbox.Start().WithReferralLoop("loop-wallet");

        var loop = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "referrals", "validate", "loop-wallet"));
        var fine = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "referrals", "validate", "other-wallet", "--json"));

        Assert.That(loop.ExitCode, Is.Zero, loop.ToString());
        Assert.That(loop.OutputLines, Has.Some.Match(@"Verdict\s+│\s+rejected: the referral would close a loop"));
        Assert.That(fine.Output, Does.Contain("\"isLoop\": false"));
    }
}
