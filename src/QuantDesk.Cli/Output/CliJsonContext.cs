using System.Text.Json.Serialization;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Output;

/// <summary>
/// Source-generated JSON for <c>--json</c>: no reflection, snake_case like the API. API models are written as the
/// API names their fields, decimals exactly as they arrived.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(SubmissionJson))]
[JsonSerializable(typeof(IReadOnlyList<DatasetJson>))]
[JsonSerializable(typeof(IReadOnlyList<Market>))]
[JsonSerializable(typeof(Market))]
[JsonSerializable(typeof(IReadOnlyList<LeverageTier>))]
[JsonSerializable(typeof(OrderbookJson))]
[JsonSerializable(typeof(OraclePricesJson))]
[JsonSerializable(typeof(MarketStats))]
[JsonSerializable(typeof(IReadOnlyList<Candle>))]
[JsonSerializable(typeof(Portfolio))]
[JsonSerializable(typeof(IReadOnlyList<Position>))]
[JsonSerializable(typeof(IReadOnlyList<Order>))]
[JsonSerializable(typeof(IReadOnlyList<LeaderboardRow>))]
[JsonSerializable(typeof(FlexCard))]
[JsonSerializable(typeof(ReferralValidation))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
