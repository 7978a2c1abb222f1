namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A token provider whose first <c>callers</c> requests all get <see cref="OldToken"/>, none of them before every
/// one has it (so they are rejected together), and whose forced refresh hands out <see cref="NewToken"/>.
/// </summary>
public sealed class RotatingTokenProvider(int callers)
{
    public const string OldToken = "old-token";
    public const string NewToken = "new-token";

    private readonly TaskCompletionSource _allIssued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _current = OldToken;
    private int _issued;
    private int _forced;

    public int ForcedRefreshes => Volatile.Read(ref _forced);

    public async ValueTask<string?> GetTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken)
    {
        if (request.ForceRefresh)
        {
            Interlocked.Increment(ref _forced);
            Volatile.Write(ref _current, NewToken);
            return NewToken;
        }

        var token = Volatile.Read(ref _current);
        if (Interlocked.Increment(ref _issued) == callers)
        {
            _allIssued.SetResult();
        }

        if (token == OldToken)
        {
            await _allIssued.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return token;
    }
}
