using Microsoft.Extensions.Options;
using QuantDesk.Client;

namespace QuantDesk.Cli.Errors;

/// <summary>Turns a failure into its exit code and the one line written to stderr.</summary>
internal static class FailureReport
{
    private const string Redacted = "***";

    /// <summary>Writes the failure's line to <paramref name="error"/> and returns its exit code.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="secret">The access token in use, kept out of the line whatever a message contains.</param>
    public static int Write(Exception failure, TextWriter error, string? secret)
    {
        var (code, message) = Describe(failure);
        WriteLine(error, message, secret);
        return code;
    }

    /// <summary>Writes one line to stderr: the tool's name, the message on a single line, no secret.</summary>
    public static void WriteLine(TextWriter error, string message, string? secret)
    {
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!string.IsNullOrEmpty(secret))
        {
            line = line.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        error.WriteLine("quantdesk: " + line);
    }

    private static (int Code, string Message) Describe(Exception failure) => failure switch
    {
        CliInputException => (ExitCodes.BadInput, failure.Message),
        ArgumentException argument => (ExitCodes.BadInput, WithoutParameterName(argument)),
        OptionsValidationException invalid => (ExitCodes.BadInput, InFlagTerms(string.Join(" ", invalid.Failures))),
        MissingTokenException => (ExitCodes.Unauthorized, failure.Message),
        CliNotFoundException => (ExitCodes.NotFound, failure.Message),
        WaitTimeoutException => (ExitCodes.NetworkOrTimeout, failure.Message),
        QuantDeskNotFoundException notFound => (ExitCodes.NotFound, WithRequestId(notFound)),
        QuantDeskAuthenticationException or QuantDeskForbiddenException or QuantDeskCredentialException => (ExitCodes.Unauthorized, WithRequestId((QuantDeskException)failure)),
        QuantDeskRateLimitException limited => (ExitCodes.RateLimited, WithRetryAfter(limited)),
        QuantDeskConnectionException or QuantDeskTimeoutException => (ExitCodes.NetworkOrTimeout, WithCause(failure)),
        QuantDeskException api => (ExitCodes.ApiError, WithRequestId(api)),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
        _ => (ExitCodes.ApiError, $"unexpected {failure.GetType().Name}: {failure.Message}"),
    };

    // The parameter of a C# method means nothing at a shell prompt.
    private static string WithoutParameterName(ArgumentException failure) =>
        failure.ParamName is { } name ? failure.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : failure.Message;

    // The client's settings as the CLI's flags name them.
    private static string InFlagTerms(string message) => message
        .Replace("QuantDesk:BaseAddress", "--base-url", StringComparison.Ordinal)
        .Replace("QuantDesk:AccessToken", "the token", StringComparison.Ordinal)
        .Replace("use AccessToken or AccessTokenProvider", "use --token or QUANTDESK_TOKEN", StringComparison.Ordinal)
        .Replace("an access token is configured", "a token is given", StringComparison.Ordinal);

    // The library's messages name the request id already; this keeps that promise for any message that does not.
    private static string WithRequestId(QuantDeskException failure) =>
        failure.RequestId is { } requestId && !failure.Message.Contains(requestId, StringComparison.Ordinal)
            ? $"{failure.Message} (request id {requestId})"
            : failure.Message;

    private static string WithRetryAfter(QuantDeskRateLimitException failure) =>
        failure.RetryAfter is { } wait
            ? $"{WithRequestId(failure)} Retry after {Math.Ceiling(wait.TotalSeconds):0} s."
            : WithRequestId(failure);

    // "Connection refused" says more than "could not be reached".
    private static string WithCause(Exception failure) =>
        failure.InnerException is { } cause && !failure.Message.Contains(cause.Message, StringComparison.Ordinal)
            ? $"{failure.Message} ({cause.Message})"
            : failure.Message;
}
