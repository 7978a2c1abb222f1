using System.Text.Json.Serialization;

namespace QuantDesk.Client;

/// <summary>Price lookups on the oracle's symbol-to-price map.</summary>
public partial class OraclePricesResponse
{
    /// <summary>The prices keyed by market symbol, as the service sent them (the same map as <see cref="Data"/>).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, decimal> Prices => Data;

    /// <summary>The price of one symbol: the exact key first, then the same symbol in another case.</summary>
    /// <param name="symbol">A market symbol, for example <c>SOL-PERP</c>.</param>
    /// <param name="price">The price, when the map has the symbol.</param>
    /// <returns>Whether the map has the symbol.</returns>
    public bool TryGetPrice(string symbol, out decimal price)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (Data.TryGetValue(symbol, out price))
        {
            return true;
        }

        foreach (var (key, value) in Data)
        {
            if (string.Equals(key, symbol, StringComparison.OrdinalIgnoreCase))
            {
                price = value;
                return true;
            }
        }

        return false;
    }
}
