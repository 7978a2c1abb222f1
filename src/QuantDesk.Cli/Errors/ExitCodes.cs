namespace QuantDesk.Cli.Errors;

/// <summary>
/// The process exit codes of <c>quantdesk</c>: stable, documented in <c>--help</c> and the README, so scripts can
/// branch on them. Every non-zero code comes with one line on stderr.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The API answered with any other error, or with a body the client could not use.</summary>
    public const int ApiError = 1;

    /// <summary>Bad arguments, an unreadable or non-object strategy file, or invalid options; nothing was sent.</summary>
    public const int BadInput = 2;

    /// <summary>The run (or route) does not exist: 404.</summary>
    public const int NotFound = 3;

    /// <summary>The token is missing, expired or not allowed: 401 or 403.</summary>
    public const int Unauthorized = 4;

    /// <summary>Still 429 after the client's retries.</summary>
    public const int RateLimited = 5;

    /// <summary>The API could not be reached, a call timed out, or a wait ran past <c>--timeout</c>.</summary>
    public const int NetworkOrTimeout = 6;

    /// <summary>A waited-for run finished in a final status other than <c>completed</c>.</summary>
    public const int RunNotCompleted = 7;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>Every code with its meaning, in the order the help lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Documented { get; } =
    [
        (Success, "success"),
        (ApiError, "the API answered with another error, or an unusable body"),
        (BadInput, "bad input: arguments, strategy file or options; nothing was sent"),
        (NotFound, "not found (404), for example an unknown run id"),
        (Unauthorized, "authentication failed (401 or 403): check --token or QUANTDESK_TOKEN"),
        (RateLimited, "rate limited (429) after the client's retries"),
        (NetworkOrTimeout, "network failure or timeout, including a wait past --timeout"),
        (RunNotCompleted, "the run finished with a status other than completed"),
        (Cancelled, "cancelled with Ctrl+C"),
    ];
}
