using System.Runtime.CompilerServices;

namespace QuantDesk.Client;

// The hand-written half of the generated SocialClient: paging over the leaderboard.
public partial class SocialClient
{
    /// <summary>The page size of <see cref="GetLeaderboardRowsAsync"/> when none is given (the contract's default <c>limit</c>).</summary>
    public const int DefaultLeaderboardPageSize = 10;

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<LeaderboardRow> GetLeaderboardRowsAsync(int pageSize = DefaultLeaderboardPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var offset = 0;
        (string?, string?, decimal?, string?)? previousFirst = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = (await GetLeaderboardAsync(pageSize, offset, cancellationToken).ConfigureAwait(false)).Data;

            // A server that ignores offset sends the first page forever: the same first row twice ends the walk.
            var first = rows.Count == 0 ? default((string?, string?, decimal?, string?)?) : (rows[0].VaultAddress, rows[0].Leader, rows[0].TotalPnl, rows[0].RunId);
            if (first is not null && first == previousFirst)
            {
                throw Errors.ErrorFactory.UnusableValue(200, rows[0].Leader, $"The leaderboard page at offset {offset} begins with the same row as the page before it: the server ignores offset.");
            }

            previousFirst = first;
            foreach (var row in rows)
            {
                yield return row;
            }

            // A short page is the last; so is one that would take the offset past what the contract's integer holds.
            if (rows.Count < pageSize || offset > int.MaxValue - rows.Count)
            {
                yield break;
            }

            offset += rows.Count;
        }
    }
}
