using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantDesk.Client.Serialization;

/// <summary>
/// Serialization metadata for every model the client reads or writes, generated at compile time so that no
/// reflection is needed at run time: the client works in trimmed and Native AOT applications. Each top-level
/// body of an operation (request or response) is listed here; nested models are included by the generator.
/// A model the generated client uses but this context lacks fails the reflection-based coverage test.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, AllowDuplicateProperties = false, NumberHandling = JsonNumberHandling.AllowReadingFromString, Converters = [typeof(FiniteDoubleConverter)])]
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
[JsonSerializable(typeof(BacktestDatasetListResponse))]
[JsonSerializable(typeof(SubmitBacktestRunRequest))]
[JsonSerializable(typeof(BacktestRunSubmissionResponse))]
[JsonSerializable(typeof(BacktestRunResponse))]
[JsonSerializable(typeof(ValidateReferralRequest))]
[JsonSerializable(typeof(ReferralValidationResponse))]
[JsonSerializable(typeof(ApiError))]
// Query parameters that are extensible values; their converter is on the type.
[JsonSerializable(typeof(CandleResolution))]
[JsonSerializable(typeof(AssetClass))]
// Unknown properties land in the models' AdditionalProperties ([JsonExtensionData]) as JsonElement values.
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class QuantDeskJsonContext : JsonSerializerContext
{
}
