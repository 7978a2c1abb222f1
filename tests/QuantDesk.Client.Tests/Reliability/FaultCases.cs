using System.IO.Compression;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;
using static QuantDesk.Client.Tests.Reliability.ElapsedBounds;

namespace QuantDesk.Client.Tests.Reliability;

/// <summary>
/// The fault matrix. Every row runs with MaxRetryAttempts 3 (four attempts at most), retry delays of 5-50 ms,
/// AttemptTimeout 10 s and TotalTimeout 60 s unless its settings say otherwise.
/// </summary>
public static class FaultCases
{
    public const string RunId = "run-fault";

    private const int SizeCap = 2 * 1024 * 1024;

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        EveryAttempt("Fault_408", "408 Request Timeout on every attempt", 408, typeof(QuantDeskApiException), attempts: 4),
        new(
            "Fault_429_Retry_After_seconds",
            "429 with `Retry-After: 1` (seconds), then 200",
            () => FaultServer.Sandbox(server => server.AnswerRunInSequence(RunId, Error(429).WithHeader("Retry-After", "1"), Ok)),
            Expected: null, StatusCode: null, Attempts: 2, Between(0.9, 6)),
        new(
            "Fault_429_Retry_After_HTTP_date",
            "429 with `Retry-After` as an HTTP date 3 s ahead, then 200",
            () => FaultServer.Sandbox(server => server.AnswerRunInSequence(
                RunId, Error(429).WithHeader("Retry-After", DateTimeOffset.UtcNow.AddSeconds(3).ToString("R", CultureInfo.InvariantCulture)), Ok)),
            Expected: null, StatusCode: null, Attempts: 2, Between(0.9, 6)),
        new(
            "Fault_429_Retry_After_above_the_cap",
            "429 with `Retry-After: 120`, above `Retry.MaxRetryAfter` (30 s)",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Error(429).WithHeader("Retry-After", "120"))),
            typeof(QuantDeskRateLimitException), 429, Attempts: 1, Under(5))
        {
            Details = [new("`RetryAfter` = 120 s, not waited for", error => (error as QuantDeskApiException)?.RetryAfter == TimeSpan.FromSeconds(120))],
        },
        EveryAttempt("Fault_500", "500 Internal Server Error on every attempt", 500, typeof(QuantDeskApiException), attempts: 4),
        EveryAttempt("Fault_502", "502 Bad Gateway on every attempt", 502, typeof(QuantDeskApiException), attempts: 4),
        EveryAttempt("Fault_503", "503 Service Unavailable on every attempt", 503, typeof(QuantDeskApiException), attempts: 4),
        EveryAttempt("Fault_504", "504 Gateway Timeout on every attempt", 504, typeof(QuantDeskApiException), attempts: 4),
        new(
            "Fault_connection_refused",
            "connection refused (nothing listens on the port)",
            FaultServer.Refused,
            typeof(QuantDeskConnectionException), StatusCode: null, Attempts: 4, Under(5))
        {
            Details = [Inner<HttpRequestException>()],
        },
        new(
            "Fault_connection_reset_mid_headers",
            "connection reset (RST) in the middle of the response headers",
            () => FaultServer.Raw(async (stream, stop) =>
            {
                await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\nContent-Ty"), stop);
                Reset(stream);
            }),
            typeof(QuantDeskConnectionException), StatusCode: null, Attempts: 4, Under(5))
        {
            Details = [Inner<HttpRequestException>()],
        },
        new(
            "Fault_connection_closed_mid_body",
            "connection closed in the middle of the body (truncated JSON, `Content-Length` 1000)",
            () => FaultServer.Raw((stream, stop) => stream.WriteAsync(
                RawHttpServer.Ascii("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 1000\n\n{\"success\": true, \"data\": {\"run_id\": \"run-fa"), stop).AsTask()),
            typeof(QuantDeskConnectionException), StatusCode: null, Attempts: 4, Under(5))
        {
            Details = [Inner<HttpRequestException>()],
        },
        new(
            "Fault_slow_headers_past_the_attempt_timeout",
            "no response headers within `AttemptTimeout` (0.2 s), on every attempt",
            () => FaultServer.Raw((_, stop) => Task.Delay(Timeout.Infinite, stop)),
            typeof(QuantDeskTimeoutException), StatusCode: null, Attempts: 4, Between(0.75, 5))
        {
            Configure = options => options.AttemptTimeout = TimeSpan.FromMilliseconds(200),
            Details = [Inner<TimeoutException>()],
        },
        new(
            "Fault_slow_body_retry_pause_past_the_total_timeout",
            "headers at once, then the body trickles in (a byte every 100 ms) past `AttemptTimeout` (0.3 s); the 10 s retry pause would outlast `TotalTimeout` (5 s), so no retry starts",
            () => FaultServer.Raw(async (stream, stop) =>
            {
                await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 1000\n\n{"), stop);
                while (true)
                {
                    await Task.Delay(100, stop);
                    await stream.WriteAsync(" "u8.ToArray(), stop);
                }
            }),
            typeof(QuantDeskTimeoutException), StatusCode: null, Attempts: 1, Between(0.25, 3))
        {
            Configure = options =>
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
                options.TotalTimeout = TimeSpan.FromSeconds(5);
                options.Retry.BaseDelay = options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.Retry.UseJitter = false;
            },
            Details = [Inner<TimeoutException>()],
        },
        new(
            "Fault_slow_headers_past_the_total_timeout",
            "no response headers: the first attempt ends at `AttemptTimeout` (1 s), the retry at what is left of `TotalTimeout` (1.9 s)",
            () => FaultServer.Raw((_, stop) => Task.Delay(Timeout.Infinite, stop)),
            typeof(QuantDeskTimeoutException), StatusCode: null, Attempts: 2, Between(1.85, 6))
        {
            Configure = options =>
            {
                options.AttemptTimeout = TimeSpan.FromSeconds(1);
                options.TotalTimeout = TimeSpan.FromSeconds(1.9);
            },
            Details = [Inner<TimeoutException>(), new("the message names `TotalTimeout`", error => error?.Message.Contains("TotalTimeout", StringComparison.Ordinal) == true)],
        },
        new(
            "Fault_malformed_JSON_in_a_200",
            "200 with malformed JSON",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(200, "{\"success\": true, \"data\": {\"run_id\": \"run-fault\", "))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Details = [Inner<JsonException>()],
        },
        new(
            "Fault_200_with_success_false",
            "200 whose envelope says `\"success\": false`",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(200,
                """{ "success": false, "code": "RUN_FAILED", "request_id": "req_false", "data": { "run_id": "run-fault", "status": "failed" } }"""))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Details = [Inner<JsonException>(), new("`ErrorCode` and `RequestId` from the body", error => error is QuantDeskApiException { ErrorCode: "RUN_FAILED", RequestId: "req_false" })],
        },
        new(
            "Fault_HTML_error_page",
            "502 with an HTML error page (`text/html`) on every attempt",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html")
                .WithBody("<html><body><h1>502 Bad Gateway</h1></body></html>"))),
            typeof(QuantDeskApiException), 502, Attempts: 4, Under(5))
        {
            Details = [new("the page in `ResponseBody`", error => (error as QuantDeskApiException)?.ResponseBody?.Contains("<h1>502 Bad Gateway</h1>", StringComparison.Ordinal) == true)],
        },
        EveryAttempt("Fault_empty_500", "500 with an empty body on every attempt", 500, typeof(QuantDeskApiException), attempts: 4, empty: true),
        new(
            "Fault_body_over_the_size_cap",
            "200 with a 2.5 MB body, over `MaxResponseContentLength` (2 MiB)",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(200,
                "{\"success\": true, \"data\": {\"run_id\": \"run-fault\", \"status\": \"completed\", \"padding\": \"" + new string('x', 2_500_000) + "\"}}"))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Configure = options => options.MaxResponseContentLength = SizeCap,
            Details = [new("not retried; the message names the cap", error => error?.Message.Contains("MaxResponseContentLength", StringComparison.Ordinal) == true)],
        },
        new(
            "Fault_wrong_Content_Type",
            "200 with the documented JSON body but `Content-Type: text/plain`",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain")
                .WithBody(QuantDeskSandbox.ExampleRunBody(RunId).ToJsonString()))),
            Expected: null, StatusCode: null, Attempts: 1, Under(5))
        {
            Details = [new("the body is read by its shape, not its label", error => error is null)],
        },
        Redirect("Fault_redirect_to_a_file_URL", "302 with `Location: file:///etc/passwd`", 302, "file:///etc/passwd"),
        Redirect("Fault_redirect_to_javascript", "302 with `Location: javascript:alert(1)`", 302, "javascript:alert(1)"),
        Redirect("Fault_redirect_to_ftp", "301 with `Location: ftp://files.example/run`", 301, "ftp://files.example/run"),
        Redirect("Fault_redirect_unparseable_Location", "307 with `Location: http://[::1` (not a URL)", 307, "http://[::1"),
        Redirect("Fault_redirect_to_no_host", "308 with `Location: http://0.0.0.0:9/run` (an address that names no host)", 308, "http://0.0.0.0:9/run"),
        Redirect("Fault_redirect_without_Location", "302 with no `Location` at all", 302, location: null),
        new(
            "Fault_redirect_loop",
            "302 to the same path, on every request (a redirect loop)",
            () => FaultServer.Raw((stream, stop) => stream.WriteAsync(
                RawHttpServer.Ascii($"HTTP/1.1 302 Found\nLocation: /api/v2/backtest/runs/{RunId}\nConnection: close\nContent-Length: 0\n\n"), stop).AsTask()),
            typeof(QuantDeskApiException), 302, Attempts: 6, Under(5))
        {
            Details = [new("followed `MaxRedirects` (5) times, then refused; the message names the setting", error => error?.Message.Contains("MaxRedirects", StringComparison.Ordinal) == true)],
        },
        new(
            "Fault_gzip_bomb",
            "200 with `Content-Encoding: gzip`: 32 KB that inflate to 32 MiB, over `MaxResponseContentLength` (2 MiB)",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json").WithHeader("Content-Encoding", "gzip").WithBody(GzipBomb()))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Configure = options => options.MaxResponseContentLength = SizeCap,
            Details = [new("the cap applies to the inflated bytes; not retried", error => error?.Message.Contains("MaxResponseContentLength", StringComparison.Ordinal) == true)],
        },
        new(
            "Fault_Retry_After_of_decades",
            "429 with `Retry-After: 999999999` (about 31 years)",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Error(429).WithHeader("Retry-After", "999999999"))),
            typeof(QuantDeskRateLimitException), 429, Attempts: 1, Under(5))
        {
            Details = [new("`RetryAfter` read as 1 day, the longest the client reads", error => (error as QuantDeskApiException)?.RetryAfter == TimeSpan.FromDays(1))],
        },
        new(
            "Fault_Retry_After_date_in_year_9999",
            "503 with `Retry-After: Fri, 31 Dec 9999 23:59:59 GMT`",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Error(503).WithHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"))),
            typeof(QuantDeskApiException), 503, Attempts: 1, Under(5))
        {
            Details = [new("`RetryAfter` read as 1 day, not waited for", error => (error as QuantDeskApiException)?.RetryAfter == TimeSpan.FromDays(1))],
        },
        new(
            "Fault_request_id_with_line_breaks",
            "500 whose `request_id` holds CR, LF and a forged log line, on every attempt",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(500,
                QuantDeskSandbox.ErrorBody("E500", "Injected fault.", "req_1\r\nWARN forged entry").ToJsonString()))),
            typeof(QuantDeskApiException), 500, Attempts: 4, Under(5))
        {
            Details = [new("CR and LF escaped (`\\u000D\\u000A`) in `Message` and `RequestId`", error =>
                error?.Message.Contains("req_1\\u000D\\u000AWARN", StringComparison.Ordinal) == true
                && error.Message.IndexOfAny(['\r', '\n']) < 0
                && (error as QuantDeskException)?.RequestId == "req_1\\u000D\\u000AWARN forged entry")],
        },
        new(
            "Fault_duplicate_success_property",
            "200 whose envelope says `\"success\": false` and then `\"success\": true`",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(200,
                "{\"success\": false, \"data\": {\"run_id\": \"run-fault\", \"status\": \"completed\"}, \"success\": true}"))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Details = [Inner<JsonException>()],
        },
        new(
            "Fault_number_overflowing_a_double",
            "200 whose `sharpe` is `1e400` (beyond a double: it would read as infinity)",
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, Responses.Json(200,
                "{\"success\": true, \"data\": {\"run_id\": \"run-fault\", \"status\": \"completed\", \"sharpe\": 1e400}}"))),
            typeof(QuantDeskApiException), 200, Attempts: 1, Under(5))
        {
            Details = [Inner<JsonException>()],
        },
    ];

    private static IResponseBuilder Ok => Responses.Json(200, QuantDeskSandbox.ExampleRunBody(RunId).ToJsonString());

    private static IResponseBuilder Error(int status) =>
        Responses.Json(status, QuantDeskSandbox.ErrorBody("E" + status.ToString(CultureInfo.InvariantCulture), "Injected fault.", "req_fault").ToJsonString());

    private static FaultCase EveryAttempt(string name, string fault, int status, Type expected, int attempts, bool empty = false) =>
        new(
            name,
            fault,
            () => FaultServer.Sandbox(server => server.AnswerRun(RunId, empty ? Response.Create().WithStatusCode(status) : Error(status))),
            expected, status, attempts, Under(5))
        {
            Details = empty ? [] : [new("`RequestId` from the error body", error => (error as QuantDeskException)?.RequestId == "req_fault")],
        };

    private static byte[] GzipBomb()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 32; i++)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    }

    private static FaultCase Redirect(string name, string fault, int status, string? location) =>
        new(
            name,
            fault,
            () => FaultServer.Raw((stream, stop) => stream.WriteAsync(RawHttpServer.Ascii(
                $"HTTP/1.1 {status} Redirect\n{(location is null ? "" : $"Location: {location}\n")}Connection: close\nContent-Length: 0\n\n"), stop).AsTask()),
            typeof(QuantDeskApiException), status, Attempts: 1, Under(5))
        {
            Details = [new("not followed, not retried; the message says why", error => error?.Message.Contains("redirect", StringComparison.Ordinal) == true)],
        };

    private static OutcomeDetail Inner<TException>()
        where TException : Exception =>
        new($"`InnerException` is `{typeof(TException).Name}`", error => error?.InnerException is TException);

    private static void Reset(NetworkStream stream)
    {
        stream.Socket.LingerState = new LingerOption(true, 0);
        stream.Socket.Close();
    }
}
