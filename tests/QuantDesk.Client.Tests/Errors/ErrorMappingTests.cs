using System.Text.Json;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Errors;

public sealed class ErrorMappingTests
{
    private const string RunId = "run-errors";

    private const string FullErrorBody = """
        {
          "success": false,
          "error": "RUN_NOT_FOUND",
          "code": "RUN_NOT_FOUND_CODE",
          "message": "Backtest run does not exist.",
          "timestamp": "2025-03-04T05:06:07.123Z",
          "request_id": "req_8f2a1c"
        }
        """;

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture(options => options.Retry.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void A_404_with_the_error_body_becomes_a_not_found_exception_carrying_every_field()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, FullErrorBody));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(404));
            Assert.That(exception.ErrorCode, Is.EqualTo("RUN_NOT_FOUND_CODE"));
            Assert.That(exception.Error, Is.EqualTo("RUN_NOT_FOUND"));
            Assert.That(exception.ServerMessage, Is.EqualTo("Backtest run does not exist."));
            Assert.That(exception.RequestId, Is.EqualTo("req_8f2a1c"));
            Assert.That(exception.Timestamp, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 123, TimeSpan.Zero)));
            Assert.That(exception.ResponseBody, Is.EqualTo(FullErrorBody));
            Assert.That(exception.InnerException, Is.Null);
        });
    }

    [Test]
    public void The_message_names_the_status_the_error_and_the_request_id()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, FullErrorBody));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.That(exception.Message, Does.Contain("404").And.Contain("req_8f2a1c").And.Contain("RUN_NOT_FOUND_CODE").And.Contain("Backtest run does not exist."));
    }

    [Test]
    public void The_request_id_comes_from_the_X_Request_ID_header_when_the_body_has_none()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, """{ "success": false, "code": "RUN_NOT_FOUND", "message": "No such run." }""")
            .WithHeader("X-Request-ID", "req_from_header"));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.RequestId, Is.EqualTo("req_from_header"));
            Assert.That(exception.Message, Does.Contain("req_from_header"));
            Assert.That(exception.ErrorCode, Is.EqualTo("RUN_NOT_FOUND"));
        });
    }

    [Test]
    public void The_body_request_id_wins_over_the_header()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, FullErrorBody).WithHeader("X-Request-ID", "req_from_header"));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.That(exception.RequestId, Is.EqualTo("req_8f2a1c"));
    }

    [Test]
    public void An_error_body_missing_fields_maps_what_it_has()
    {
        const string body = """{ "code": "RUN_NOT_FOUND" }""";
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, body));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(404));
            Assert.That(exception.ErrorCode, Is.EqualTo("RUN_NOT_FOUND"));
            Assert.That(exception.Error, Is.Null);
            Assert.That(exception.ServerMessage, Is.Null);
            Assert.That(exception.RequestId, Is.Null);
            Assert.That(exception.Timestamp, Is.Null);
            Assert.That(exception.ResponseBody, Is.EqualTo(body));
            Assert.That(exception.Message, Does.Contain("404").And.Contain("RUN_NOT_FOUND"));
        });
    }

    [Test]
    public void An_empty_500_becomes_an_api_exception_with_the_status()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Response.Create().WithStatusCode(500));

        var exception = ThrowsExactly<QuantDeskApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(500));
            Assert.That(exception.ErrorCode, Is.Null);
            Assert.That(exception.RequestId, Is.Null);
            Assert.That(exception.ResponseBody, Is.Null.Or.Empty);
            Assert.That(exception.Message, Does.Contain("500"));
            Assert.That(_fixture.Sandbox.Server.RequestsTo(RunId), Is.EqualTo(1), "MaxRetryAttempts = 0");
        });
    }

    [Test]
    public void An_HTML_502_page_becomes_an_api_exception_with_the_status_and_the_page()
    {
        const string page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
        _fixture.Sandbox.Server.AnswerRun(RunId, Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(page));

        var exception = ThrowsExactly<QuantDeskApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(502));
            Assert.That(exception.ErrorCode, Is.Null);
            Assert.That(exception.ServerMessage, Is.Null);
            Assert.That(exception.ResponseBody, Is.EqualTo(page));
            Assert.That(exception.Message, Does.Contain("502").And.Contain("text/html"));
            Assert.That(exception.InnerException, Is.Null);
        });
    }

    [Test]
    public void A_malformed_JSON_error_body_becomes_a_typed_exception_with_the_status()
    {
        const string body = """{ "success": false, "code": "RUN_NOT_FOU""";
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(404, body).WithHeader("X-Request-ID", "req_truncated"));

        var exception = ThrowsExactly<QuantDeskNotFoundException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(404));
            Assert.That(exception.ErrorCode, Is.Null);
            Assert.That(exception.RequestId, Is.EqualTo("req_truncated"));
            Assert.That(exception.ResponseBody, Is.EqualTo(body));
            Assert.That(exception.Message, Does.Contain("404"));
        });
    }

    [TestCase(401)]
    public void Authentication_failures_become_authentication_exceptions(int status)
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(status, """{ "success": false, "code": "UNAUTHORIZED", "message": "Token expired.", "request_id": "req_auth" }"""));

        var exception = ThrowsExactly<QuantDeskAuthenticationException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(status));
            Assert.That(exception.ErrorCode, Is.EqualTo("UNAUTHORIZED"));
            Assert.That(exception.RequestId, Is.EqualTo("req_auth"));
        });
    }

    [Test]
    public void A_429_becomes_a_rate_limit_exception()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(429, """{ "success": false, "code": "RATE_LIMITED", "request_id": "req_429" }""")
            .WithHeader("Retry-After", "7"));

        var exception = ThrowsExactly<QuantDeskRateLimitException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(429));
            Assert.That(exception.ErrorCode, Is.EqualTo("RATE_LIMITED"));
            Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    public void A_429_without_Retry_After_has_no_RetryAfter()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(429, """{ "success": false, "code": "RATE_LIMITED" }"""));

        var exception = ThrowsExactly<QuantDeskRateLimitException>();

        Assert.That(exception.RetryAfter, Is.Null);
    }

    [Test]
    public void A_400_becomes_exactly_the_base_api_exception()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(400, """{ "success": false, "error": "BAD_REQUEST", "code": "INVALID_RUN_ID", "message": "Bad id.", "request_id": "req_400" }"""));

        var exception = ThrowsExactly<QuantDeskApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.ErrorCode, Is.EqualTo("INVALID_RUN_ID"));
            Assert.That(exception.Error, Is.EqualTo("BAD_REQUEST"));
            Assert.That(exception.RequestId, Is.EqualTo("req_400"));
        });
    }

    // The upstream contract requires none of these fields: such bodies are results (docs/contract.md).
    [TestCase("{ \"success\": true, \"data\": { \"status\": \"completed\" } }", null, "completed", TestName = "A_200_whose_run_has_no_run_id_is_a_run_without_an_id")]
    [TestCase("{ \"success\": true, \"data\": { \"run_id\": \"r\" } }", "r", "", TestName = "A_200_whose_run_has_no_status_is_a_run_with_the_empty_status")]
    [TestCase("{ \"data\": { \"run_id\": \"r\", \"status\": \"completed\" } }", "r", "completed", TestName = "A_200_without_success_is_a_result")]
    [TestCase("{ \"success\": true, \"data\": { \"run_id\": \"r\", \"status\": \"\" } }", "r", "", TestName = "A_200_whose_status_is_empty_is_a_run_with_the_empty_status")]
    public async Task A_200_body_the_contract_allows_is_a_result(string body, string? runId, string status)
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, body));

        var run = (await _fixture.Client.GetBacktestRunAsync(RunId)).Data;

        Assert.That((run.RunId, run.Status.ToString(), run.Status.IsInProgress, run.Status.IsCompleted), Is.EqualTo((runId, status, false, status == "completed")));
    }

    [TestCase("{ \"success\": true, \"data\": { \"run_id\": ", TestName = "A_malformed_200_body_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("{ \"success\": true }", TestName = "A_200_without_data_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("{ \"success\": true, \"data\": null }", TestName = "A_200_with_null_data_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("[1, 2, 3]", TestName = "A_200_with_a_JSON_array_becomes_an_api_exception_with_a_JsonException_inside")]
    [TestCase("null", TestName = "A_200_with_a_JSON_null_body_becomes_an_api_exception_with_a_JsonException_inside")]
    public void An_unusable_200_body_becomes_an_api_exception_with_a_JsonException_inside(string body)
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, body));

        var exception = ThrowsExactly<QuantDeskApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.InnerException, Is.InstanceOf<JsonException>());
            Assert.That(exception.ResponseBody, Is.EqualTo(body));
            Assert.That(exception.Message, Does.Contain("200"), "the message should say which status came back");
        });
    }

    [Test]
    public void A_200_with_success_false_becomes_an_api_exception_carrying_the_error_fields()
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(200, """
            { "success": false, "error": "RUN_FAILED", "code": "RUN_FAILED_CODE", "message": "The run crashed.", "request_id": "req_envelope_false",
              "data": { "run_id": "run-errors", "status": "failed" } }
            """));

        var exception = ThrowsExactly<QuantDeskApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.InnerException, Is.InstanceOf<JsonException>());
            Assert.That(exception.ErrorCode, Is.EqualTo("RUN_FAILED_CODE"));
            Assert.That(exception.Error, Is.EqualTo("RUN_FAILED"));
            Assert.That(exception.ServerMessage, Is.EqualTo("The run crashed."));
            Assert.That(exception.RequestId, Is.EqualTo("req_envelope_false"));
            Assert.That(exception.Message, Does.Contain("req_envelope_false"));
            Assert.That(exception.Message, Does.Contain("200"), "the message should say which status came back");
        });
    }

    [TestCase(400, typeof(QuantDeskApiException))]
    [TestCase(401, typeof(QuantDeskAuthenticationException))]
    [TestCase(403, typeof(QuantDeskForbiddenException))]
    [TestCase(404, typeof(QuantDeskNotFoundException))]
    [TestCase(409, typeof(QuantDeskApiException))]
    [TestCase(422, typeof(QuantDeskApiException))]
    [TestCase(429, typeof(QuantDeskRateLimitException))]
    [TestCase(500, typeof(QuantDeskApiException))]
    [TestCase(503, typeof(QuantDeskApiException))]
    [TestCase(302, typeof(QuantDeskApiException))]
    [TestCase(204, typeof(QuantDeskApiException))]
    public async Task Only_the_documented_exception_types_escape(int status, Type expected)
    {
        _fixture.Sandbox.Server.AnswerRun(RunId, Responses.Json(status, """{ "success": false, "code": "X" }"""));

        Exception? caught = null;
        try
        {
            await _fixture.Client.GetBacktestRunAsync(RunId);
        }
        catch (Exception exception)
        {
            caught = exception;
        }

        Assert.That(caught, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(caught!.GetType(), Is.EqualTo(expected), caught.ToString());
            Assert.That(caught.GetType().IsGenericType, Is.False, "NSwag's QuantDeskApiException<TResult> must never escape");
            Assert.That(((QuantDeskException)caught).StatusCode, Is.EqualTo(status));
        });
    }

    [Test]
    public void The_library_defines_no_NSwag_ApiException_type()
    {
        var names = typeof(BacktestClient).Assembly.GetTypes().Select(type => type.Name);

        Assert.That(names, Has.None.StartsWith("ApiException"));
    }

    private TException ThrowsExactly<TException>()
        where TException : Exception
    {
        var exception = Assert.ThrowsAsync<TException>(() => _fixture.Client.GetBacktestRunAsync(RunId));
        Assert.That(exception!.GetType(), Is.EqualTo(typeof(TException)), exception.ToString());
        return exception;
    }
}
