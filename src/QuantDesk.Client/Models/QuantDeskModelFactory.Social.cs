namespace QuantDesk.Client;

/// <summary>Results of the Social and Referrals operations, for mocks in your own tests.</summary>
public static partial class QuantDeskModelFactory
{
    /// <summary>A leaderboard row.</summary>
    /// <param name="leader">The leader's name.</param>
    /// <param name="totalPnl">Realized profit and loss.</param>
    /// <param name="vaultAddress">The vault's address.</param>
    /// <param name="strategy">The strategy's name.</param>
    /// <param name="flexCardId">The linked flex card, if any.</param>
    /// <param name="runId">The run behind the linked card, if any.</param>
    /// <param name="badges">Proof labels; present only with a linked card.</param>
    /// <returns>The row.</returns>
    public static LeaderboardRow LeaderboardRow(string leader, decimal totalPnl, string? vaultAddress = null, string? strategy = null, string? flexCardId = null, string? runId = null, IEnumerable<string>? badges = null) =>
        new() { Leader = leader, TotalPnl = totalPnl, VaultAddress = vaultAddress, Strategy = strategy, IsActive = true, FlexCardId = flexCardId, RunId = runId, Badges = badges is null ? null : [.. badges] };

    /// <summary>A published flex card.</summary>
    /// <param name="flexCardId">Its id.</param>
    /// <param name="runId">The run it proves.</param>
    /// <param name="title">Its title.</param>
    /// <param name="description">Its blurb.</param>
    /// <param name="badges">Its proof labels.</param>
    /// <returns>The card.</returns>
    public static FlexCard FlexCard(string flexCardId, string? runId = null, string? title = null, string? description = null, IEnumerable<string>? badges = null) =>
        new() { FlexCardId = flexCardId, RunId = runId, Title = title, Description = description, Badges = badges is null ? null : [.. badges] };

    /// <summary>The answer of <c>ValidateReferralAsync</c>.</summary>
    /// <param name="isLoop">Whether the referral would close a loop (rejected).</param>
    /// <returns>A successful envelope holding the result.</returns>
    public static ReferralValidationResponse ReferralValidationResponse(bool isLoop) => new() { Success = true, Data = new ReferralValidation { IsLoop = isLoop } };
}
