using System.Text.Json.Serialization;

namespace QuantDesk.Cli.Output;

/// <summary>Source-generated JSON for <c>--json</c>: no reflection, snake_case like the API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(SubmissionJson))]
[JsonSerializable(typeof(IReadOnlyList<DatasetJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
