using System.Globalization;
using QuantDesk.Client;

namespace QuantDesk.Cli.Connection;

/// <summary>
/// Tells a person on stderr that the client is pausing before a retry, so that a server's Retry-After (seconds of
/// nothing, otherwise) reads as a wait and not a hang. Pauses under a second stay quiet.
/// </summary>
internal sealed class RetryNotices(TextWriter error)
{
    public static readonly TimeSpan QuietBelow = TimeSpan.FromSeconds(1);

    public void OnRetry(QuantDeskRetryEvent retry)
    {
        if (retry.Delay < QuietBelow)
        {
            return;
        }

        var why = retry.StatusCode switch
        {
            429 => "the API is rate limiting (429)",
            { } status => $"the API answered {status}",
            null => $"the call failed ({retry.Failure})",
        };
        var wait = retry.IsServerRequested ? $"waiting {Seconds(retry.Delay)} as it asked (Retry-After)" : $"waiting {Seconds(retry.Delay)}";
        error.WriteLine($"quantdesk: {why}; {wait} before retry {retry.RetryNumber} of {retry.MaxRetryAttempts}...");
    }

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString(delay < TimeSpan.FromSeconds(10) ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
}
