using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Testing;

/// <summary>The contract's rules the sandbox enforces on the wire, read with a plain HttpClient.</summary>
public sealed class SandboxContractRulesTests : PlainHttpSandboxTests
{
    [TestCase("GET", "api/v2/portfolio")]
    [TestCase("GET", "api/v2/portfolio/positions")]
    [TestCase("GET", "api/v2/portfolio/orders")]
    [TestCase("POST", "api/v2/social/flex-cards")]
    [TestCase("POST", "api/v2/backtest/runs")]
    [TestCase("POST", "api/v2/referrals/validate")]
    public async Task A_secured_operation_without_a_Bearer_token_answers_401(string method, string path)
    {
        var (status, body) = await SendAsync(method, path, token: null, "{}", "application/json");

        Assert.That((status, body["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.Unauthorized, "UNAUTHORIZED")));
    }

    [TestCase("GET", "api/v2/markets")]
    [TestCase("GET", "api/oracle/prices")]
    [TestCase("GET", "api/v2/leaderboard")]
    public async Task A_public_operation_answers_without_a_token(string method, string path)
    {
        var (status, body) = await SendAsync(method, path, token: null);

        Assert.That((status, body["success"]!.GetValue<bool>()), Is.EqualTo((HttpStatusCode.OK, true)));
    }

    [TestCase("{\"referrerAddress\": ")]
    [TestCase("not json")]
    [TestCase("[\"addr\"]")]
    [TestCase("{}")]
    [TestCase("{\"referrerAddress\": 42}")]
    public async Task A_body_that_is_not_the_declared_JSON_answers_400(string json)
    {
        var (status, body) = await SendAsync("POST", "api/v2/referrals/validate", "any-token", json, "application/json");

        Assert.That((status, body["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.BadRequest, "INVALID_REQUEST")));
    }

    [Test]
    public async Task A_title_over_the_contracts_maxLength_answers_400()
    {
        var json = new JsonObject { ["run_id"] = "run-1", ["title"] = new string('t', 121) }.ToJsonString();

        var (status, body) = await SendAsync("POST", "api/v2/social/flex-cards", "any-token", json, "application/json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("title"));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task A_body_of_another_content_type_answers_415(string contentType)
    {
        var (status, body) = await SendAsync("POST", "api/v2/referrals/validate", "any-token", "{\"referrerAddress\":\"addr\"}", contentType);

        Assert.That((status, body["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")));
    }

    [Test]
    public async Task A_valid_body_with_a_charset_is_accepted()
    {
        var (status, body) = await SendAsync("POST", "api/v2/referrals/validate", "any-token", "{\"referrerAddress\":\"addr\"}", "application/json; charset=utf-8");

        Assert.That((status, body["data"]!["isLoop"]!.GetValue<bool>()), Is.EqualTo((HttpStatusCode.OK, false)));
    }

    [Test]
    public async Task The_leaderboard_pages_by_limit_and_offset()
    {
        Sandbox.WithLeaderboard(Enumerable.Range(1, 5).Select(rank => QuantDeskModelFactory.LeaderboardRow($"leader-{rank}", rank)));

        var (_, page) = await SendAsync("GET", "api/v2/leaderboard?limit=2&offset=1", token: null);
        var (_, tail) = await SendAsync("GET", "api/v2/leaderboard?offset=3", token: null);

        Assert.That(page["data"]!.AsArray().Select(row => row!["leader"]!.GetValue<string>()), Is.EqualTo(new[] { "leader-2", "leader-3" }));
        Assert.That(tail["data"]!.AsArray().Select(row => row!["leader"]!.GetValue<string>()), Is.EqualTo(new[] { "leader-4", "leader-5" }));
    }

    [TestCase("limit=-1")]
    [TestCase("offset=x")]
    [TestCase("limit=1.5")]
    public async Task Leaderboard_paging_that_is_not_a_non_negative_integer_answers_400(string query)
    {
        var (status, body) = await SendAsync("GET", "api/v2/leaderboard?" + query, token: null);

        Assert.That((status, body["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.BadRequest, "INVALID_REQUEST")));
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string method, string path, string? token, string? body = null, string? contentType = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null && method != "GET")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
