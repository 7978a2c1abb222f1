using Microsoft.Extensions.Logging;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Logging;

public sealed class HttpExchangeLoggerTests
{
    private const string Category = "System.Net.Http.HttpClient.QuantDesk.Client.ClientHandler";

    [Test]
    public async Task Logs_each_attempt_under_the_factory_category_and_event_ids_without_a_scope()
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "exchange-token");
        fixture.Sandbox.FailNextRequests(503);

        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        var exchange = fixture.Logs.Entries.Where(entry => entry.Category == Category).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Select(entry => entry.EventId.Id), Is.EqualTo(new[] { 100, 102, 101, 103, 100, 102, 101, 103 }), "two attempts");
            Assert.That(exchange[0].Message, Is.EqualTo($"Sending HTTP request GET {fixture.Sandbox.BaseAddress}api/v2/backtest/runs/{QuantDeskSandbox.ExampleRunId}"));
            Assert.That(exchange[2].Message, Does.Match(@"^Received HTTP response headers after [\d.]+ms - 503$"));
            Assert.That(exchange[1].Message, Does.Contain("Authorization: *").And.Contain("User-Agent: QuantDesk.Client/"));
            Assert.That(fixture.Logs.Entries.Where(entry => entry.Message.StartsWith("scope:", StringComparison.Ordinal)), Is.Empty);
            Assert.That(fixture.Logs.Entries.Where(entry => entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && entry.Category != Category), Is.Empty, "the factory's default loggers are replaced");
        });
    }

    [Test]
    public async Task Writes_nothing_below_its_level()
    {
        var logs = new CapturingLoggerProvider();
        using var sandbox = QuantDeskSandbox.Start();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).AddFilter(Category, LogLevel.Warning));
        services.AddQuantDeskClient(options => options.BaseAddress = sandbox.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBacktestClient>().GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);

        Assert.That(logs.Entries.Where(entry => entry.Category == Category || entry.Message.StartsWith("scope:", StringComparison.Ordinal)), Is.Empty);
    }
}
