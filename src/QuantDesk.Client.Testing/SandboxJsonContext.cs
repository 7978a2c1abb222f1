using System.Text.Json.Serialization;

namespace QuantDesk.Client.Testing;

/// <summary>Writes the sandbox's answers and reads the submissions it receives, without reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BacktestRunResponse))]
[JsonSerializable(typeof(BacktestDatasetListResponse))]
[JsonSerializable(typeof(BacktestRunSubmissionResponse))]
[JsonSerializable(typeof(SubmitBacktestRunRequest))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
