using System.Text.Json;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>What an exception's message says about the body that came back, and the fields read from bodies that are not quite the documented shape.</summary>
public sealed class ErrorMessageTests
{
    private const string RunId = "run-messages";
    private const string Call = "QuantDesk API call GET /api/v2/backtest/runs/run-messages";

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void An_empty_error_body_is_called_empty()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Response.Create().WithStatusCode(500));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.Message, Is.EqualTo($"{Call} failed with 500 (Internal Server Error). The response body is empty."));
    }

    [Test]
    public void A_JSON_object_without_error_fields_is_neither_empty_nor_foreign()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(500, """{ "detail": "upstream" }"""));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.Message, Is.EqualTo($"{Call} failed with 500 (Internal Server Error)."));
    }

    [Test]
    public void A_body_that_is_not_JSON_is_described_by_its_type_and_length()
    {
        const string page = "<html><body>Bad gateway</body></html>";
        _fixture.Sandbox.Server.AnswerRun(RunId, Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(page));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.Message, Is.EqualTo($"{Call} failed with 502 (Bad Gateway). The body is not a QuantDesk error (text/html, {page.Length} characters)."));
    }

    [Test]
    public void Error_fields_are_read_one_by_one_from_a_body_whose_other_fields_have_the_wrong_type()
    {
        // "success" as a string and "details" as a number break the documented shape, not the fields beside them.
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, """
            { "success": "no", "error": "NOT_FOUND", "code": "RUN_NOT_FOUND", "message": "No such run.", "request_id": "req_lenient",
              "timestamp": "2025-03-04T05:06:07Z", "details": 5 }
            """));

        var exception = Throws<QuantDeskNotFoundException>();

        Assert.That(
            (exception.ErrorCode, exception.Error, exception.ServerMessage, exception.RequestId, exception.Timestamp),
            Is.EqualTo(("RUN_NOT_FOUND", "NOT_FOUND", "No such run.", "req_lenient", (DateTimeOffset?)new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero))));
        Assert.That(exception.Message, Is.EqualTo($"{Call} failed with 404 (Not Found): RUN_NOT_FOUND - No such run. (request id req_lenient)."));
    }

    [Test]
    public void A_success_status_whose_envelope_says_success_false_is_described_so()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, """{ "success": false, "code": "MAINTENANCE", "message": "Back soon." }"""));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.Message, Is.EqualTo("QuantDesk API answered 200 but its envelope reports success: false: MAINTENANCE - Back soon."));
    }

    [Test]
    public void A_success_false_read_from_a_body_of_another_shape_is_described_so()
    {
        // A numeric timestamp is not the documented shape: the envelope's success is read on its own.
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, """{ "success": false, "code": "MAINTENANCE", "timestamp": 12345 }"""));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.Message, Is.EqualTo("QuantDesk API answered 200 but its envelope reports success: false: MAINTENANCE."));
    }

    [Test]
    public void An_unusable_success_body_keeps_the_serializer_s_own_error_and_says_which_body_it_was()
    {
        const string page = "<html>maintenance</html>";
        _fixture.Sandbox.Server.AnswerRun(RunId, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(page));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.InnerException, Is.InstanceOf<JsonException>());
        Assert.That(exception.InnerException!.Message, Does.Not.StartWith("The response body"), "the serializer's own error, which says where the body broke");
        Assert.That(exception.Message, Does.StartWith("QuantDesk API answered 200 with a body the client could not use (").And.Not.Contain(".)"));
        Assert.That(exception.Message, Does.EndWith($". The body is not a QuantDesk error (text/html, {page.Length} characters)."));
    }

    [Test]
    public void A_JSON_null_success_body_gets_a_JsonException_that_says_what_came_back()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, "null"));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.InnerException?.Message, Is.EqualTo("The response body (null) is not the documented JSON object."));
    }

    [Test]
    public void An_unusable_success_body_carries_the_Retry_After_it_came_with()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, "null").WithHeader("Retry-After", "30"));

        var exception = Throws<QuantDeskApiException>();

        Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void An_unusable_success_body_reads_a_Retry_After_date_against_the_server_s_Date()
    {
        // A server that writes exactly these headers: a Date and a Retry-After date 45 s after it, both long past.
        using var server = new LoopbackHttpServer(_ => new LoopbackAnswer(
            200, "application/json", "null"u8.ToArray(), "Date: Tue, 01 Dec 2026 10:00:00 GMT", "Retry-After: Tue, 01 Dec 2026 10:00:45 GMT"));
        var client = new QuantDeskClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, Retry = { MaxRetryAttempts = 0 } });

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => client.Backtests.GetBacktestRunAsync(RunId));

        Assert.That(exception!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));
    }

    private TException Throws<TException>()
        where TException : QuantDeskException
    {
        var exception = Assert.ThrowsAsync<TException>(() => _fixture.Client.GetBacktestRunAsync(RunId));
        Assert.That(exception!.GetType(), Is.EqualTo(typeof(TException)), exception.ToString());
        return exception;
    }
}
