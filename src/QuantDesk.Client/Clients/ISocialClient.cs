namespace QuantDesk.Client;

// Paging over the leaderboard, built on the generated GetLeaderboardAsync; the summary is generated.
public partial interface ISocialClient
{
    /// <summary>
    /// Every leaderboard row, page by page (<c>limit</c>/<c>offset</c>), until a page comes back shorter than
    /// <paramref name="pageSize"/>. Pages are fetched as the enumeration reaches them; cancellation is honoured
    /// between pages and during each.
    /// </summary>
    /// <param name="pageSize">Rows per request; the contract's default is 10.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The rows in rank order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="QuantDeskApiException">A page begins with the same row as the page before it: the server ignores <c>offset</c>, and the walk would never end.</exception>
    IAsyncEnumerable<LeaderboardRow> GetLeaderboardRowsAsync(int pageSize = SocialClient.DefaultLeaderboardPageSize, CancellationToken cancellationToken = default);
}
