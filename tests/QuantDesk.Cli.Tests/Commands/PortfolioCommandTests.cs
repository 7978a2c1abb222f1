namespace QuantDesk.Cli.Tests.Commands;

public sealed class PortfolioCommandTests
{
    private static Portfolio Wallet() => new()
    {
        Balances = [new Balance { Asset = "USDC", Amount = 1000.50m }],
        Positions =
        [
            new Position { Market = "SOL-PERP", Side = PositionSide.Long, Size = 2m, EntryPrice = 150m, CurrentPrice = 160m, UnrealizedPnl = 20.00m, Leverage = 3m },
            new Position { Market = "BTC-PERP", Side = PositionSide.Short, Size = 0.1m, EntryPrice = 60000m, CurrentPrice = 60500m, UnrealizedPnl = -50.00m, Leverage = 2m },
        ],
        Orders = [],
    };

    [Test]
    public async Task Pnl_is_signed_so_gains_and_losses_differ_without_colour()
    {
        using var sandbox = QuantDeskSandbox.Start().WithPortfolio("cli-test-token", Wallet());

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "portfolio", "show"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Has.Some.Match(@"SOL-PERP\s+│\s+long\s+│\s+2\s+│\s+150\s+│\s+160\s+│\s+\+20\.00\s+│\s+3x"));
        Assert.That(result.OutputLines, Has.Some.Match(@"BTC-PERP\s+│\s+short\s+│.*│\s+-50\.00\s+│"));
        Assert.That(result.OutputLines, Has.Member("Unrealized PnL, all positions: -30.00"));
        Assert.That(result.OutputLines, Has.Member("No orders."));
        Assert.That(result.Output, Does.Not.Contain("\u001b["), "no escape sequences on redirected output");
    }

    [Test]
    public async Task On_a_terminal_a_gain_is_green_and_a_loss_red()
    {
        using var sandbox = QuantDeskSandbox.Start().WithPortfolio("cli-test-token", Wallet());

        var result = await Tool.RunOnTerminalAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "portfolio", "positions"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"\u001b\[(32|92|38;5;2|38;5;10)m\+20\.00"), "green gain");
        Assert.That(result.Output, Does.Match(@"\u001b\[(31|91|38;5;1|38;5;9)m-50\.00"), "red loss");
    }

    [Test]
    public async Task No_color_keeps_a_terminal_free_of_escape_sequences()
    {
        using var sandbox = QuantDeskSandbox.Start().WithPortfolio("cli-test-token", Wallet());

        var result = await Tool.RunOnTerminalAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "portfolio", "positions"), new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("+20.00"));
        Assert.That(result.Output.IndexOf('\u001b', StringComparison.Ordinal), Is.EqualTo(-1), result.Output.Replace("\u001b", "<ESC>", StringComparison.Ordinal));
    }

    [Test]
    public async Task Positions_as_csv_for_a_spreadsheet()
    {
        using var sandbox = QuantDeskSandbox.Start().WithPortfolio("cli-test-token", Wallet());

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "portfolio", "positions", "--csv"));

        Assert.That(result.OutputLines, Is.EqualTo(new[]
        {
            "Market,Side,Size,Entry,Mark,Unrealized PnL,Leverage",
            "SOL-PERP,long,2,150,160,+20.00,3x",
            "BTC-PERP,short,0.1,60000,60500,-50.00,2x",
        }));
    }

    [TestCase("show")]
    [TestCase("positions")]
    [TestCase("orders")]
    public async Task Without_a_token_the_command_says_how_to_give_one_and_sends_nothing(string command)
    {
        using var sandbox = QuantDeskSandbox.Start();

        var result = await Tool.RunAsync(Tool.Against(sandbox.BaseAddress, "portfolio", command));

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.ErrorLines.Single(), Is.EqualTo("quantdesk: this command needs an access token: set QUANTDESK_TOKEN (or pass --token), or try it with --sandbox. Nothing was sent."));
        Assert.That(sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_wallet_without_a_portfolio_is_not_found()
    {
        using var sandbox = QuantDeskSandbox.Start().WithoutPortfolio("cli-test-token");

        var result = await Tool.RunAsync(Tool.AgainstWithToken(sandbox.BaseAddress, "portfolio", "orders"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.ErrorLines.Single(), Does.Contain("PORTFOLIO_NOT_FOUND"));
    }
}
