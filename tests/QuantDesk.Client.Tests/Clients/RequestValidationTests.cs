using System.Text.Json.Nodes;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Clients;

/// <summary>Requests checked before they are sent: an invalid one throws and nothing reaches the API.</summary>
public sealed class RequestValidationTests
{
    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.AccessToken = "wallet-jwt");

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void A_flex_card_without_a_run_id_is_refused_before_anything_is_sent(string? runId)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = runId!, Title = "Title" }));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.Contain("RunId"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_required_query_value_that_is_blank_is_refused_before_anything_is_sent(string? symbol)
    {
        var refused = Assert.CatchAsync<ArgumentException>(() => _fixture.Api.MarketData.GetMarketStatsAsync(symbol!));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.ParamName, Is.EqualTo("symbol"));
            Assert.That(refused.Message, Does.StartWith("The symbol is required and must not be blank."));
            Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void A_flex_card_without_a_title_is_refused_before_anything_is_sent(string? title)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = title! }));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.Contain("Title"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public void A_flex_card_title_over_120_characters_is_refused_before_anything_is_sent()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = new string('t', 121) }));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.Contain("121").And.Contain("120"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_title_is_measured_in_characters_as_the_contracts_maxLength_counts_them_not_in_UTF16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F680", 120));

        await _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = emoji });
        var error = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = emoji + "!" }));

        Assert.That(error!.Message, Does.Contain("121 characters"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Has.Count.EqualTo(1), "the sandbox, checking maxLength as the gateway does, accepted the 120 emoji");
    }

    [Test]
    public async Task A_flex_card_title_of_exactly_120_characters_is_sent_as_it_is()
    {
        var title = new string('t', PublishFlexCardRequest.MaxTitleLength);

        var card = (await _fixture.Api.Social.PublishFlexCardAsync(new PublishFlexCardRequest { RunId = "run-1", Title = title, Description = "Sharpe 1.8" })).Data;

        var sent = JsonNode.Parse(_fixture.Sandbox.ReceivedRequests.Single().Body!)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(PublishFlexCardRequest.MaxTitleLength, Is.EqualTo(120));
            Assert.That(card.Title, Is.EqualTo(title));
            Assert.That(sent["run_id"]!.GetValue<string>(), Is.EqualTo("run-1"));
            Assert.That(sent["title"]!.GetValue<string>(), Is.EqualTo(title));
            Assert.That(sent["description"]!.GetValue<string>(), Is.EqualTo("Sharpe 1.8"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void A_referral_without_a_referrer_is_refused_before_anything_is_sent(string? referrer)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = referrer! }));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.Contain("ReferrerAddress"));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }

    [Test]
    public async Task A_referral_with_a_referrer_is_sent_under_the_contracts_name()
    {
        await _fixture.Api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU" });

        var sent = JsonNode.Parse(_fixture.Sandbox.ReceivedRequests.Single().Body!)!.AsObject();
        Assert.That(sent.Select(property => property.Key), Is.EqualTo(new[] { "referrerAddress" }));
        Assert.That(sent["referrerAddress"]!.GetValue<string>(), Is.EqualTo("7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"));
    }

    [Test]
    public void A_missing_request_is_refused_before_anything_is_sent()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => _fixture.Api.Social.PublishFlexCardAsync(null!));
        Assert.ThrowsAsync<ArgumentNullException>(() => _fixture.Api.Referrals.ValidateReferralAsync(null!));
        Assert.That(_fixture.Sandbox.ReceivedRequests, Is.Empty);
    }
}
