using System.Net.Http.Headers;

namespace QuantDesk.Client.Errors;

/// <summary>
/// Reads the pause a <c>Retry-After</c> asks for, given in seconds or as an HTTP date (measured from the answer's
/// own <c>Date</c> when it has one, so a skewed server clock skews nothing). Whatever the server wrote, the result
/// is null (absent or unreadable) or between zero and <see cref="Longest"/>.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The longest pause read from a header; a longer one (or a date years ahead) is read as this.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider? clock = null) =>
        Read(response.Headers.RetryAfter, response.Headers.Date, clock);

    public static TimeSpan? Read(string? headerValue, string? dateValue) =>
        RetryConditionHeaderValue.TryParse(headerValue, out var header)
            ? Read(header, DateTimeOffset.TryParse(dateValue, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null, clock: null)
            : null;

    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset? date, TimeProvider? clock)
    {
        TimeSpan wait;
        if (header?.Delta is { } delta)
        {
            wait = delta;
        }
        else if (header?.Date is { } until)
        {
            wait = until - (date ?? (clock ?? TimeProvider.System).GetUtcNow());
        }
        else
        {
            return null;
        }

        return TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, Longest.Ticks));
    }
}
