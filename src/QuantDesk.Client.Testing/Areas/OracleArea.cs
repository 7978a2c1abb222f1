using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Oracle: the symbol-to-price map and when it was read.</summary>
internal sealed class OracleArea : SandboxArea
{
    private OraclePricesResponse _prices = Example("OraclePricesResponse", SandboxJsonContext.Default.OraclePricesResponse);

    public OracleArea()
    {
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["getOraclePrices"] = _ => SandboxAnswer.Of(200, _prices, SandboxJsonContext.Default.OraclePricesResponse),
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public void SetPrices(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset timestamp) =>
        _prices = new OraclePricesResponse { Success = true, Data = prices, Timestamp = timestamp, Source = _prices.Source };
}
