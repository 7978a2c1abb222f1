using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>A market's candles at one resolution, as one result.</summary>
internal sealed record CandleSeries(string Symbol, CandleResolution Resolution, IReadOnlyList<Candle> Candles);
