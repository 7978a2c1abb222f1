namespace QuantDesk.Client;

/// <summary>
/// A retry the client is about to make, handed to <see cref="QuantDeskRetryOptions.OnRetry"/> before the pause:
/// which operation, which retry, how long the pause is and why. Carries no credential and no server text.
/// </summary>
public readonly record struct QuantDeskRetryEvent
{
    /// <summary>The contract's operationId of the call (for example <c>getBacktestRun</c>), or null when unknown.</summary>
    public string? OperationId { get; init; }

    /// <summary>The retry about to be made: 1 for the first retry (the second attempt).</summary>
    public int RetryNumber { get; init; }

    /// <summary>The most retries the call may make (<see cref="QuantDeskRetryOptions.MaxRetryAttempts"/>).</summary>
    public int MaxRetryAttempts { get; init; }

    /// <summary>How long the client pauses before the retry.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Whether <see cref="Delay"/> is the server's own <c>Retry-After</c> rather than the client's backoff.</summary>
    public bool IsServerRequested { get; init; }

    /// <summary>The HTTP status of the failed attempt, or null when it got no answer (a transport error or an attempt timeout).</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// What failed, for people: the status code (<c>429</c>), <c>attempt timeout</c>, or the transport exception's
    /// type name (<c>HttpRequestException</c>).
    /// </summary>
    public string Failure { get; init; }
}
