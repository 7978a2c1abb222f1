namespace QuantDesk.Client;

/// <summary>
/// The error codes the contract documents, as <see cref="QuantDeskApiException.ErrorCode"/> carries them. The
/// service may send others; compare ignoring case.
/// </summary>
public static class QuantDeskErrorCodes
{
    /// <summary>404 from the portfolio operations: the wallet has not initialized a portfolio yet.</summary>
    public const string PortfolioNotFound = "PORTFOLIO_NOT_FOUND";

    /// <summary>403 from publishing a flex card: the run did not pass the deploy gate.</summary>
    public const string DeployGateFailed = "DEPLOY_GATE_FAILED";
}
