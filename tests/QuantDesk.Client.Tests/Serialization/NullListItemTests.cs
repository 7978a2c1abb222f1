using System.Text.Json;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Serialization;

public sealed class NullListItemTests
{
    [TestCase("/api/v2/markets", """{"success":true,"data":[null]}""")]
    [TestCase("/api/v2/markets", """{"success":true,"data":[{"symbol":"SOL-PERP"},null]}""")]
    [TestCase("/api/v2/leaderboard", """{"success":true,"data":[{"leader":"a","badges":["gate-verified",null]}]}""")]
    [TestCase("/api/v2/portfolio", """{"success":true,"data":{"positions":[null]}}""")]
    [TestCase("/api/v2/markets/orderbook/SOL-PERP", """{"success":true,"data":{"bids":[null],"asks":[]}}""")]
    public void A_null_inside_a_list_is_an_unusable_body_not_a_null_for_the_caller(string path, string body)
    {
        using var fixture = new ClientFixture(options => options.AccessToken = "t");
        fixture.Sandbox.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path)).AtPriority(1).RespondWith(Responses.Json(200, body));

        var exception = Assert.CatchAsync<QuantDeskApiException>(() => path switch
        {
            "/api/v2/markets" => fixture.Api.Markets.ListMarketsAsync(),
            "/api/v2/leaderboard" => fixture.Api.Social.GetLeaderboardAsync(),
            "/api/v2/portfolio" => fixture.Api.Portfolio.GetPortfolioAsync(),
            _ => (Task)fixture.Api.Markets.GetOrderbookAsync("SOL-PERP"),
        });

        Assert.That((exception!.GetType(), exception.StatusCode, exception.InnerException?.GetType()), Is.EqualTo((typeof(QuantDeskApiException), 200, typeof(JsonException))));
        Assert.That(exception.Message, Does.Contain("200"));
    }

    [Test]
    public async Task An_empty_list_and_a_list_without_nulls_are_results()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.WithMarkets();

        Assert.That((await fixture.Api.Markets.ListMarketsAsync()).Data, Is.Empty);
    }
}
