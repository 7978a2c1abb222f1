using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Testing;

/// <summary>The sandbox's wire behaviour, read with a plain HttpClient so nothing of the client hides it.</summary>
public sealed class QuantDeskSandboxTests : PlainHttpSandboxTests
{
    [Test]
    public async Task Serves_the_contract_examples_out_of_the_box()
    {
        var run = await GetJsonAsync($"api/v2/backtest/runs/{QuantDeskSandbox.ExampleRunId}", HttpStatusCode.OK);
        var datasets = await GetJsonAsync("api/v2/backtest/datasets", HttpStatusCode.OK);
        var unknown = await GetJsonAsync("api/v2/backtest/runs/unknown", HttpStatusCode.NotFound);

        Assert.That(JsonNode.DeepEquals(run, QuantDeskSandbox.ExampleRunBody()), Is.True, run.ToJsonString());
        Assert.That(datasets["data"]![0]!["dataset_id"]!.GetValue<string>(), Is.EqualTo("sol-perp-1h-2025"));
        Assert.That(unknown["code"]!.GetValue<string>(), Is.EqualTo("RUN_NOT_FOUND"));
        Assert.That(unknown["request_id"]!.GetValue<string>(), Does.StartWith("req_sandbox_"));
    }

    [Test]
    public async Task A_run_completing_after_polls_reports_queued_then_running_then_the_result()
    {
        Sandbox.WithRunCompletingAfter("r-1", pollsInProgress: 3, QuantDeskModelFactory.BacktestRun("r-1", "completed", sharpe: 0.5));

        var statuses = new List<string>();
        for (var poll = 0; poll < 5; poll++)
        {
            statuses.Add((await GetJsonAsync("api/v2/backtest/runs/r-1", HttpStatusCode.OK))["data"]!["status"]!.GetValue<string>());
        }

        Assert.That(statuses, Is.EqualTo(new[] { "queued", "running", "running", "completed", "completed" }));
    }

    [Test]
    public async Task A_queued_run_omits_the_metrics_it_does_not_have_yet()
    {
        Sandbox.WithRun(QuantDeskModelFactory.BacktestRun("r-2", BacktestRunStatus.Queued));

        var data = (await GetJsonAsync("api/v2/backtest/runs/r-2", HttpStatusCode.OK))["data"]!.AsObject();

        Assert.That(data.Select(property => property.Key), Is.EquivalentTo(new[] { "run_id", "status" }));
    }

    [Test]
    public async Task Queued_faults_answer_the_next_requests_in_order_then_normal_service_resumes()
    {
        Sandbox.FailNextRequests(503, 502).RateLimitNextRequests(1, TimeSpan.FromSeconds(2)).MalformNextResponses();

        var answers = new List<HttpResponseMessage>();
        for (var request = 0; request < 5; request++)
        {
            answers.Add(await Http.GetAsync(new Uri("api/v2/backtest/datasets", UriKind.Relative)));
        }

        Assert.That(answers.Select(answer => (int)answer.StatusCode), Is.EqualTo(new[] { 503, 502, 429, 200, 200 }));
        Assert.That(answers[2].Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(() => JsonNode.Parse(answers[3].Content.ReadAsStream()), Throws.InstanceOf<System.Text.Json.JsonException>());
        Assert.That(JsonNode.Parse(await answers[4].Content.ReadAsStringAsync())!["success"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Requires_the_configured_token()
    {
        Sandbox.RequireAccessToken("secret-1");

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "api/v2/portfolio");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/v2/backtest/datasets") { Headers = { { "Authorization", "Bearer secret-2" } } };
        using var authorized = new HttpRequestMessage(HttpMethod.Get, "api/v2/portfolio") { Headers = { { "Authorization", "Bearer secret-1" } } };
        using var publicWithout = new HttpRequestMessage(HttpMethod.Get, "api/v2/backtest/datasets");

        Assert.That((await Http.SendAsync(anonymous)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a secured operation without the token");
        Assert.That((await Http.SendAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a public operation with another token");
        Assert.That((await Http.SendAsync(authorized)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Http.SendAsync(publicWithout)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a public operation sent without a token, as the client sends it");
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.HasBearerToken("secret-1")), Is.EqualTo(new[] { false, false, true, false }));
        Assert.That(Sandbox.ReceivedRequests.Select(request => request.ToString()), Has.None.Contains("secret-1"));
    }

    [Test]
    public async Task Delays_every_answer_by_the_configured_latency()
    {
        Sandbox.WithLatency(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await GetJsonAsync("api/v2/backtest/datasets", HttpStatusCode.OK);

        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
    }

    [Test]
    public async Task Accepts_a_submission_records_it_and_refuses_an_incomplete_one()
    {
        using var valid = new StringContent("""{"dataset_id":"d","strategy":{"a":1},"fees":1,"slippage":2,"funding":false}""", System.Text.Encoding.UTF8, "application/json");
        using var incomplete = new StringContent("""{"dataset_id":"d"}""", System.Text.Encoding.UTF8, "application/json");

        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any-token");
        var accepted = await Http.PostAsync(new Uri("api/v2/backtest/runs", UriKind.Relative), valid);
        var refused = await Http.PostAsync(new Uri("api/v2/backtest/runs", UriKind.Relative), incomplete);

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["data"]!["status"]!.GetValue<string>(), Is.EqualTo("queued"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Sandbox.Submissions.Single().Slippage, Is.EqualTo(2));
    }

    [Test]
    public async Task Answers_added_on_the_server_take_precedence()
    {
        Sandbox.ServeRun(QuantDeskSandbox.ExampleRunId, QuantDeskSandbox.ErrorBody("GONE", "Archived."), statusCode: 410);

        var body = await GetJsonAsync($"api/v2/backtest/runs/{QuantDeskSandbox.ExampleRunId}", HttpStatusCode.Gone);

        Assert.That(body["code"]!.GetValue<string>(), Is.EqualTo("GONE"));
    }

    private async Task<JsonObject> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(expected), path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
