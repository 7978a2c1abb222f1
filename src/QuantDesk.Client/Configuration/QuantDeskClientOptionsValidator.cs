using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using QuantDesk.Client.Authentication;

namespace QuantDesk.Client.Configuration;

/// <summary>Checks <see cref="QuantDeskClientOptions"/> and says plainly what to fix.</summary>
internal sealed class QuantDeskClientOptionsValidator : IValidateOptions<QuantDeskClientOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private const long MinContentLength = 1024;
    private const long MaxContentLength = 1024L * 1024 * 1024;

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(QuantDeskClientOptions options)
    {
        var result = new QuantDeskClientOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(QuantDeskClientOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, QuantDeskClientOptions options)
    {
        var failures = new List<string>();
        ValidateAddress(options, failures);
        ValidateCredentials(options, failures);
        ValidateTimeouts(options, failures);
        ValidateRetry(options.Retry, failures);
        ValidateRateBudget(options.RateBudget, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAddress(QuantDeskClientOptions options, List<string> failures)
    {
        var address = options.BaseAddress;
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"QuantDesk:BaseAddress must be an absolute http(s) address such as {QuantDeskClientOptions.DefaultBaseAddress}; got '{Logging.LoggedUri.Of(address)}'.");
            return;
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            // The address itself is not echoed: its user info may hold a password.
            failures.Add($"QuantDesk:BaseAddress must not carry user info (user:password@); use AccessToken or AccessTokenProvider. Host: '{address.IdnHost}'.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            failures.Add($"QuantDesk:BaseAddress must not have a query or fragment; got '{Logging.LoggedUri.Of(address)}'.");
        }

        if (options.HasCredentials && !TransportSecurity.MaySendCredentials(address))
        {
            failures.Add($"QuantDesk:BaseAddress '{Logging.LoggedUri.Of(address)}' is plain http to a host other than this machine, and an access token is configured: the token would travel unencrypted. Use https (plain http is allowed for loopback only).");
        }

        if (options.ApplicationId is { } applicationId
            && (applicationId.Length > 64 || !ProductInfoHeaderValue.TryParse(applicationId, out _)))
        {
            failures.Add($"QuantDesk:ApplicationId must be one User-Agent product token of at most 64 characters, such as 'my-bot/1.0'; got '{applicationId}'.");
        }
    }

    private static void ValidateCredentials(QuantDeskClientOptions options, List<string> failures)
    {
        if (options.AccessToken is { } token
            && !TransportSecurity.IsSendableToken(token))
        {
            // The token itself is never echoed.
            failures.Add("QuantDesk:AccessToken contains characters that cannot be sent in an HTTP header: only visible ASCII is allowed (no white space, line break, NUL, control character or non-ASCII letter). Leave it unset for public routes.");
        }
    }

    private static void ValidateTimeouts(QuantDeskClientOptions options, List<string> failures)
    {
        CheckRange(failures, "AttemptTimeout", options.AttemptTimeout, MinTimeout, MaxTimeout);
        CheckRange(failures, "TotalTimeout", options.TotalTimeout, MinTimeout, MaxTimeout);
        if (options.MaxResponseContentLength is < MinContentLength or > MaxContentLength)
        {
            failures.Add($"QuantDesk:MaxResponseContentLength must be between {MinContentLength} and {MaxContentLength} bytes; got {options.MaxResponseContentLength}.");
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            failures.Add($"QuantDesk:MaxRedirects must be between 0 and 20; got {options.MaxRedirects}.");
        }

        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"QuantDesk:AttemptTimeout ({options.AttemptTimeout}) must not exceed QuantDesk:TotalTimeout ({options.TotalTimeout}).");
        }
    }

    private static void ValidateRateBudget(QuantDeskRateBudgetOptions? budget, List<string> failures)
    {
        if (budget is null)
        {
            failures.Add("QuantDesk:RateBudget must not be null; leave PermitLimit at 0 to turn the budget off.");
            return;
        }

        if (budget.PermitLimit < 0)
        {
            failures.Add($"QuantDesk:RateBudget:PermitLimit must be 0 (off) or more; got {budget.PermitLimit}.");
        }

        if (budget.Window < MinTimeout || budget.Window > MaxDelay)
        {
            failures.Add($"QuantDesk:RateBudget:Window must be between {MinTimeout.TotalMilliseconds} ms and {MaxDelay.TotalHours} hour; got {budget.Window}.");
        }

        if (budget.QueueLimit < 0)
        {
            failures.Add($"QuantDesk:RateBudget:QueueLimit must be 0 or more; got {budget.QueueLimit}.");
        }

        if (budget.SharedKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            failures.Add("QuantDesk:RateBudget:SharedKey must not be blank; leave it null for a budget of the client's own.");
        }

        if (!Enum.IsDefined(budget.WhenExhausted))
        {
            failures.Add($"QuantDesk:RateBudget:WhenExhausted must be Wait or Fail; got {(int)budget.WhenExhausted}.");
        }
    }

    private static void ValidateRetry(QuantDeskRetryOptions? retry, List<string> failures)
    {
        if (retry is null)
        {
            failures.Add("QuantDesk:Retry must not be null; set MaxRetryAttempts to 0 to turn retries off.");
            return;
        }

        if (retry.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"QuantDesk:Retry:MaxRetryAttempts must be between 0 and 10; got {retry.MaxRetryAttempts}.");
        }

        CheckRange(failures, "Retry:BaseDelay", retry.BaseDelay, TimeSpan.Zero, MaxDelay);
        CheckRange(failures, "Retry:MaxDelay", retry.MaxDelay, TimeSpan.Zero, MaxDelay);
        CheckRange(failures, "Retry:MaxRetryAfter", retry.MaxRetryAfter, TimeSpan.Zero, MaxDelay);
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"QuantDesk:Retry:MaxDelay ({retry.MaxDelay}) must not be shorter than QuantDesk:Retry:BaseDelay ({retry.BaseDelay}).");
        }
    }

    private static void CheckRange(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"QuantDesk:{name} must be between {min} and {max}; got {value}.");
        }
    }
}
