using System.Text.Json.Nodes;

namespace QuantDesk.Client.Tests.Support;

/// <summary>Valid requests to start from.</summary>
public static class Requests
{
    public static SubmitBacktestRunRequest Submission() => new()
    {
        DatasetId = "sol-perp-1h-2025",
        Strategy = new JsonObject { ["kind"] = "mean_reversion", ["lookback"] = 24, ["entry_z"] = 2.0 },
        Fees = 5,
        Slippage = 3,
        Funding = true,
    };
}
