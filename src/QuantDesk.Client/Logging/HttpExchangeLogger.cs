using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Logging;

/// <summary>
/// Logs each request the client puts on the wire, in place of IHttpClientFactory's default logging handlers:
/// the same category (<c>System.Net.Http.HttpClient.QuantDesk.Client.ClientHandler</c>), event ids and messages
/// as the factory's per-attempt logger, headers at Trace with every value outside <see cref="LoggedHeaders"/>
/// written as <c>*</c>. Unlike the default handlers it opens no logging scope and does nothing at all while its
/// levels are off, which keeps a call that logs nothing as cheap as one without logging.
/// </summary>
internal sealed partial class HttpExchangeLogger(ILogger logger) : IHttpClientLogger
{
    /// <summary>The category IHttpClientFactory gives the per-attempt logger of the client's HttpClient.</summary>
    public static readonly string Category = $"System.Net.Http.HttpClient.{Microsoft.Extensions.DependencyInjection.QuantDeskServiceCollectionExtensions.HttpClientName}.ClientHandler";

    public object? LogRequestStart(HttpRequestMessage request)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            RequestStart(logger, request.Method, Printable(request.RequestUri));
            if (logger.IsEnabled(LogLevel.Trace))
            {
                RequestHeaders(logger, Format(request.Headers, request.Content?.Headers));
            }
        }

        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            RequestEnd(logger, elapsed.TotalMilliseconds, (int)response.StatusCode);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                ResponseHeaders(logger, Authentication.SentToken.Scrub(Format(response.Headers, response.Content.Headers), Authentication.SentToken.Of(request))!);
            }
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            RequestFailed(logger, exception, request.Method, Printable(request.RequestUri), elapsed.TotalMilliseconds);
        }
    }

    // Without user info: a credential in the address must not reach a log.
    private static string? Printable(Uri? uri) => LoggedUri.Of(uri);

    private static string Format(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        Append(text, headers);
        if (contentHeaders is not null)
        {
            Append(text, contentHeaders);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, HttpHeaders headers)
    {
        foreach (var (name, values) in headers)
        {
            text.Append(name).Append(": ").Append(LoggedHeaders.ShouldRedact(name) ? "*" : Errors.ServerText.Printable(string.Join(", ", values))).Append('\n');
        }
    }

    [LoggerMessage(EventId = 100, EventName = "RequestStart", Level = LogLevel.Information, Message = "Sending HTTP request {HttpMethod} {Uri}")]
    private static partial void RequestStart(ILogger logger, HttpMethod httpMethod, string? uri);

    [LoggerMessage(EventId = 101, EventName = "RequestEnd", Level = LogLevel.Information, Message = "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}")]
    private static partial void RequestEnd(ILogger logger, double elapsedMilliseconds, int statusCode);

    [LoggerMessage(EventId = 102, EventName = "RequestHeader", Level = LogLevel.Trace, Message = "Request Headers:\n{Headers}")]
    private static partial void RequestHeaders(ILogger logger, string headers);

    [LoggerMessage(EventId = 103, EventName = "ResponseHeader", Level = LogLevel.Trace, Message = "Response Headers:\n{Headers}")]
    private static partial void ResponseHeaders(ILogger logger, string headers);

    [LoggerMessage(EventId = 104, EventName = "RequestFailed", Level = LogLevel.Information, Message = "HTTP request {HttpMethod} {Uri} failed after {ElapsedMilliseconds}ms")]
    private static partial void RequestFailed(ILogger logger, Exception exception, HttpMethod httpMethod, string? uri, double elapsedMilliseconds);
}
