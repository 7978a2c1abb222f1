using System.Text.Json.Serialization;

namespace QuantDesk.Client.Testing;

/// <summary>Writes the sandbox's answers and reads the requests it receives, without reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MarketListResponse))]
[JsonSerializable(typeof(MarketResponse))]
[JsonSerializable(typeof(LeverageTierListResponse))]
[JsonSerializable(typeof(OrderbookResponse))]
[JsonSerializable(typeof(OraclePricesResponse))]
[JsonSerializable(typeof(PortfolioResponse))]
[JsonSerializable(typeof(PositionListResponse))]
[JsonSerializable(typeof(OrderListResponse))]
[JsonSerializable(typeof(MarketStatsResponse))]
[JsonSerializable(typeof(CandleListResponse))]
[JsonSerializable(typeof(LeaderboardResponse))]
[JsonSerializable(typeof(PublishFlexCardRequest))]
[JsonSerializable(typeof(FlexCardResponse))]
[JsonSerializable(typeof(BacktestRunResponse))]
[JsonSerializable(typeof(BacktestDatasetListResponse))]
[JsonSerializable(typeof(BacktestRunSubmissionResponse))]
[JsonSerializable(typeof(SubmitBacktestRunRequest))]
[JsonSerializable(typeof(ValidateReferralRequest))]
[JsonSerializable(typeof(ReferralValidationResponse))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
