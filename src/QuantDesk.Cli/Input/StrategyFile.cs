using System.Text.Json;
using System.Text.Json.Nodes;
using QuantDesk.Cli.Errors;

namespace QuantDesk.Cli.Input;

/// <summary>Reads the strategy card for a submission: a JSON object from a file, or from stdin for <c>-</c>.</summary>
internal static class StrategyFile
{
    public const string StandardInput = "-";

    // Hand-written cards may carry comments and trailing commas; what is sent is plain JSON.
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonObject Read(string path, TextReader standardInput)
    {
        var source = path == StandardInput ? "standard input" : $"'{path}'";
        if (path != StandardInput && Directory.Exists(path))
        {
            throw new CliInputException($"--strategy: {source} is a directory; give the strategy card's file (a .json file holding an object), or - for stdin.");
        }

        string text;
        try
        {
            text = path == StandardInput ? standardInput.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--strategy: cannot read {source}: {failure.Message}", failure);
        }

        JsonNode? card;
        try
        {
            card = JsonNode.Parse(text, documentOptions: Lenient);
        }
        catch (JsonException failure)
        {
            var where = failure.LineNumber is { } line ? $" at line {line + 1}, position {failure.BytePositionInLine + 1}" : string.Empty;
            throw new CliInputException($"--strategy: {source} is not valid JSON{where}.", failure);
        }

        return card as JsonObject
            ?? throw new CliInputException($"--strategy: {source} must hold a JSON object (the strategy card), not {Describe(card)}.");
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => $"a {node.GetValueKind().ToString().ToLowerInvariant()}",
    };
}
