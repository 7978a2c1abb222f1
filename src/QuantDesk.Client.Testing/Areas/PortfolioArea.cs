using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Portfolio: a portfolio per access token; a token without one gets the example, unless it was removed.</summary>
internal sealed class PortfolioArea : SandboxArea
{
    private readonly Portfolio _example = Example("PortfolioResponse", SandboxJsonContext.Default.PortfolioResponse).Data;
    private readonly Dictionary<string, Portfolio?> _byToken = new(StringComparer.Ordinal);

    public PortfolioArea()
    {
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["getPortfolio"] = call => Answer(call, portfolio => SandboxAnswer.Of(200, new PortfolioResponse { Success = true, Data = portfolio }, SandboxJsonContext.Default.PortfolioResponse)),
            ["getPortfolioPositions"] = call => Answer(call, portfolio => SandboxAnswer.Of(200, new PositionListResponse { Success = true, Data = portfolio.Positions ?? [] }, SandboxJsonContext.Default.PositionListResponse)),
            ["getPortfolioOrders"] = call => Answer(call, portfolio => SandboxAnswer.Of(200, new OrderListResponse { Success = true, Data = portfolio.Orders ?? [] }, SandboxJsonContext.Default.OrderListResponse)),
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    /// <summary>Sets the token's portfolio; null answers 404 <c>PORTFOLIO_NOT_FOUND</c> for it.</summary>
    public void SetPortfolio(string token, Portfolio? portfolio) => _byToken[token] = portfolio;

    private SandboxAnswer Answer(SandboxCall call, Func<Portfolio, SandboxAnswer> answer)
    {
        var portfolio = _byToken.TryGetValue(call.Token!, out var own) ? own : _example;
        return portfolio is null
            ? SandboxAnswer.Error(404, QuantDeskErrorCodes.PortfolioNotFound, "Wallet has not initialized a V2 portfolio yet.", call.RequestId)
            : answer(portfolio);
    }
}
