using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Security;

public sealed partial class RunIdEscapingTests
{
    private const string RunPath = "/api/v2/backtest/runs/";
    private const int Iterations = 10_000;

    // URL syntax, escapes that look decoded, control characters, white space, unicode in and beyond the BMP, and
    // (rarely) a lone surrogate half, glued into ids of 1 to 12 pieces.
    private static readonly Gen<string> Piece = Gen.Frequency<string>(
        (40, Gen.OneOf("/", "?", "#", "%", ".", "..", "\\", " ", "%2F", "%2e%2e", "%25", "+", "&", "=", ";", ":", "@", "~", "\"", "<", ">", "{", "}", "|", "^", "`", "[", "]")),
        (40, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (20, Gen.Int[0, 0x1F].Select(c => ((char)c).ToString())),
        (10, Gen.OneOf("\u007F", "\t", "\r\n", "\u00A0", "\u2028", "\u3000", "\uFEFF")),
        (20, Gen.Int[0x80, 0xD7FF].Select(c => ((char)c).ToString())),
        (10, Gen.Int[0xE000, 0xFFFD].Select(c => ((char)c).ToString())),
        (20, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (1, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())));

    private static readonly Gen<string> RunIds = Gen.Frequency<string>(
        (40, Piece.Array[1, 12].Select(string.Concat)),
        (1, Gen.OneOf("", " ", ".", "..", "\t\r\n", "\u3000")));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Test]
    public async Task Thousands_of_random_run_ids_each_reach_the_server_as_one_segment_that_decodes_back_to_the_id()
    {
        // The server answers with the request target exactly as it arrived, in the run id field.
        using var server = new LoopbackHttpServer(request => new LoopbackAnswer(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            success = true,
            data = new { run_id = request.Target, status = "completed" },
        })));
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, Retry = { MaxRetryAttempts = 0 } });
        var random = new PCG(20250611, 5);
        int sent = 0, refused = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var id = RunIds.Generate(random, null!, out _);
            if (InvalidByDesign(id))
            {
                Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => client.GetBacktestRunAsync(id), Describe(id));
                refused++;
                continue;
            }

            var target = (await client.GetBacktestRunAsync(id)).Data.RunId!;
            Assert.That(target, Does.StartWith(RunPath), Describe(id));
            var segment = target[RunPath.Length..];
            Assert.That(segment, Does.Match(EscapedSegment()), Describe(id) + ": not one escaped segment");
            Assert.That(Uri.UnescapeDataString(segment), Is.EqualTo(id), Describe(id) + ": does not decode back");
            sent++;
        }

        TestContext.Out.WriteLine($"{Iterations} random run ids: {sent} sent and round-tripped, {refused} refused with ArgumentException by design");
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.EqualTo(sent), "ids refused by design send nothing");
            Assert.That(sent, Is.GreaterThan(Iterations * 9 / 10));
            Assert.That(refused, Is.Positive, "the generator also produces the ids refused by design");
        });
    }

    /// <summary>
    /// Ids no URL can carry as data: empty or white space, the dot segments, and text with a lone surrogate half
    /// (not valid Unicode, so UTF-8 cannot carry it).
    /// </summary>
    private static bool InvalidByDesign(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id is "." or "..")
        {
            return true;
        }

        try
        {
            StrictUtf8.GetByteCount(id);
            return false;
        }
        catch (EncoderFallbackException)
        {
            return true;
        }
    }

    private static string Describe(string id) =>
        "id " + string.Concat(id.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    [GeneratedRegex("^([A-Za-z0-9._~-]|%[0-9A-F]{2})+$")]
    private static partial Regex EscapedSegment();
}
