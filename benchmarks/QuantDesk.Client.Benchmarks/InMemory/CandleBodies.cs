using System.Globalization;
using System.Text;

namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>
/// One answer of GET api/v2/candles with 10,000 hourly candles: times one hour apart from 2026-01-02T22:50Z (the
/// contract's example time), prices a seeded random walk around the example's 167.9 written with 2 to 4 decimals
/// (the number of decimals varies from value to value), volumes with one decimal. The same bytes every run.
/// </summary>
public static class CandleBodies
{
    public const string Symbol = "SOL-PERP";

    public const string Resolution = "1h";

    public const int Count = 10_000;

    public const long FirstTime = 1767394200000;

    public const long Step = 3_600_000;

    /// <summary>The path and query both variants send.</summary>
    public const string PathAndQuery = "/api/v2/candles?symbol=SOL-PERP&resolution=1h";

    public static readonly byte[] TenThousand = Build(Count);

    private static byte[] Build(int count)
    {
        var random = new Random(20260102);
        var text = new StringBuilder(count * 110);
        text.Append("{\"success\":true,\"data\":[");
        var close = 167.9m;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            // A move of up to ±1.5 % per hour, high and low around it; kept positive.
            close = Math.Max(1m, open * (1m + (decimal)((random.NextDouble() - 0.5) * 0.03)));
            var high = Math.Max(open, close) * (1m + (decimal)(random.NextDouble() * 0.008));
            var low = Math.Min(open, close) * (1m - (decimal)(random.NextDouble() * 0.008));
            var volume = Math.Round((decimal)(random.NextDouble() * 900_000 + 50_000), 1);
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append("{\"time\":").Append((FirstTime + i * Step).ToString(CultureInfo.InvariantCulture))
                .Append(",\"open\":").Append(Price(open, random))
                .Append(",\"high\":").Append(Price(high, random))
                .Append(",\"low\":").Append(Price(low, random))
                .Append(",\"close\":").Append(Price(close, random))
                .Append(",\"volume\":").Append(volume.ToString("0.0", CultureInfo.InvariantCulture))
                .Append('}');
        }

        text.Append("]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Price(decimal value, Random random)
    {
        var decimals = random.Next(2, 5);
        return Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
