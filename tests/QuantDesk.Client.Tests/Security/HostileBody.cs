using System.Text;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Security;

/// <summary>A response body meant to break the client's reading of it.</summary>
public sealed record HostileBody(string Name, string? ContentType, byte[] Bytes)
{
    private const int Seed = 20250611;

    /// <summary>Seeded random bytes and JSON-like token soup, deep nesting, huge numbers and wrong shapes.</summary>
    public static IEnumerable<HostileBody> All()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            yield return new($"random bytes #{i}", random.Next(3) == 0 ? null : "application/json", bytes);
        }

        string[] tokens = ["{", "}", "[", "]", "\"", ":", ",", "true", "false", "null", "1e999", "-", "0.", "\"success\"", "\"data\"", "\"run_id\"", "\"status\"", "\\u0000", "\\", "\uFFFF", "NaN"];
        for (var i = 0; i < 100; i++)
        {
            var soup = string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => tokens[random.Next(tokens.Length)]));
            yield return Json($"token soup #{i}", soup);
        }

        foreach (var depth in new[] { 63, 64, 65, 1_000, 100_000 })
        {
            yield return Json($"arrays nested {depth} deep", new string('[', depth) + new string(']', depth));
            yield return Json($"objects nested {depth} deep", string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
            yield return Run($"sharpe nested {depth} deep", "\"sharpe\": " + new string('[', depth) + new string(']', depth));
        }

        foreach (var number in new[] { "1e400", "-1e400", "1e308", "1.7976931348623157e309", "1e-400", "123456789012345678901234567890123456789", "1" + new string('0', 100_000), "1e99999999999999999999", "-0", "0.0000000000000000000000000000000000000001" })
        {
            yield return Run($"sharpe {Shorten(number)}", "\"sharpe\": " + number);
            yield return Json($"success {Shorten(number)}", "{\"success\": " + number + ", \"data\": {\"run_id\": \"r\", \"status\": \"s\"}}");
        }

        yield return Json("data is an array", "{\"success\": true, \"data\": []}");
        yield return Json("data is a string", "{\"success\": true, \"data\": \"run\"}");
        yield return Json("success is a string", "{\"success\": \"true\", \"data\": {\"run_id\": \"r\", \"status\": \"s\"}}");
        yield return Json("run_id is null", "{\"success\": true, \"data\": {\"run_id\": null, \"status\": \"s\"}}");
        yield return Json("run_id is a number", "{\"success\": true, \"data\": {\"run_id\": 7, \"status\": \"s\"}}");
        yield return Json("status missing", "{\"success\": true, \"data\": {\"run_id\": \"r\"}}");
        yield return Json("duplicate keys", "{\"success\": true, \"success\": false, \"data\": {\"run_id\": \"r\", \"status\": \"s\"}}");
        yield return Run("a 1 MB run id", "\"run_id\": \"" + new string('r', 1_000_000) + "\"");
        yield return Json("trailing garbage", QuantDeskSandbox.ExampleRunBody("r").ToJsonString() + "}}}");
        yield return new("UTF-16 JSON", "application/json; charset=utf-16", Encoding.Unicode.GetBytes(QuantDeskSandbox.ExampleRunBody("r").ToJsonString()));
        yield return new("invalid UTF-8 in a string", "application/json", [.. "{\"success\": true, \"data\": {\"run_id\": \""u8, 0xC3, 0x28, 0xFF, .. "\", \"status\": \"s\"}}"u8]);
        yield return new("a BOM before the JSON", "application/json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody("r").ToJsonString())]);
        yield return Json("the contract's example", QuantDeskSandbox.ExampleRunBody("r").ToJsonString());
        yield return new("empty", null, []);
    }

    public override string ToString() => Name;

    private static HostileBody Json(string name, string text) => new(name, "application/json", Encoding.UTF8.GetBytes(text));

    private static HostileBody Run(string name, string member) =>
        Json(name, "{\"success\": true, \"data\": {\"run_id\": \"r\", \"status\": \"completed\", " + member + "}}");

    private static string Shorten(string text) => text.Length > 40 ? text[..20] + $"...({text.Length} chars)" : text;
}
