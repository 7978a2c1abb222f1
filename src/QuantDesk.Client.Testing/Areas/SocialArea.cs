using System.Globalization;
using System.Text.Json;
using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Social: leaderboard rows served page by page, flex cards, and the runs whose deploy gate fails.</summary>
internal sealed class SocialArea : SandboxArea
{
    private readonly Dictionary<string, FlexCard> _flexCards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failingGates = new(StringComparer.Ordinal);
    private IReadOnlyList<LeaderboardRow> _rows = Example("LeaderboardResponse", SandboxJsonContext.Default.LeaderboardResponse).Data;
    private int _published;

    public SocialArea()
    {
        ExampleFlexCard = Example("FlexCardResponse", SandboxJsonContext.Default.FlexCardResponse).Data;
        _flexCards[ExampleFlexCard.FlexCardId!] = ExampleFlexCard;
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["getLeaderboard"] = GetLeaderboard,
            ["publishFlexCard"] = Publish,
            ["getFlexCard"] = GetFlexCard,
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public FlexCard ExampleFlexCard { get; }

    public void SetLeaderboard(IReadOnlyList<LeaderboardRow> rows) => _rows = rows;

    public void SetFlexCard(FlexCard card) => _flexCards[card.FlexCardId ?? string.Empty] = card;

    public void FailDeployGate(string runId) => _failingGates.Add(runId);

    private SandboxAnswer GetLeaderboard(SandboxCall call)
    {
        if (!TryReadCount(call.Query("limit"), 10, out var limit) || !TryReadCount(call.Query("offset"), 0, out var offset))
        {
            return SandboxAnswer.Error(400, "INVALID_REQUEST", "limit and offset must be non-negative integers.", call.RequestId);
        }

        var page = _rows.Skip(offset).Take(limit).ToList();
        return SandboxAnswer.Of(200, new LeaderboardResponse { Success = true, Data = page }, SandboxJsonContext.Default.LeaderboardResponse);
    }

    private SandboxAnswer Publish(SandboxCall call)
    {
        var request = call.Body.Deserialize(SandboxJsonContext.Default.PublishFlexCardRequest)!;
        if (_failingGates.Contains(request.RunId))
        {
            return SandboxAnswer.Error(403, QuantDeskErrorCodes.DeployGateFailed, $"Run '{request.RunId}' did not pass the deploy gate.", call.RequestId);
        }

        var card = new FlexCard
        {
            FlexCardId = string.Create(CultureInfo.InvariantCulture, $"fc_sandbox_{++_published}"),
            RunId = request.RunId,
            Title = request.Title,
            Description = request.Description,
            Badges = ["gate-verified"],
        };
        _flexCards[card.FlexCardId] = card;
        return SandboxAnswer.Of(201, new FlexCardResponse { Success = true, Data = card }, SandboxJsonContext.Default.FlexCardResponse);
    }

    private SandboxAnswer GetFlexCard(SandboxCall call) =>
        _flexCards.TryGetValue(call.Path("flex_card_id"), out var card)
            ? SandboxAnswer.Of(200, new FlexCardResponse { Success = true, Data = card }, SandboxJsonContext.Default.FlexCardResponse)
            : SandboxAnswer.Error(404, "FLEX_CARD_NOT_FOUND", "Unknown flex card.", call.RequestId);

    private static bool TryReadCount(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }
}
