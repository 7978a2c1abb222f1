using System.IO.Compression;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace QuantDesk.Client.Tests.Http;

public sealed class CompressionTests
{
    [TestCase("gzip")]
    [TestCase("br")]
    public async Task Answers_may_come_compressed_and_are_read_after_decompression(string encoding)
    {
        using var fixture = new ClientFixture();
        var body = System.Text.Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody("run-zipped").ToJsonString());
        fixture.Sandbox.Server.AnswerRun("run-zipped", Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithHeader("Content-Encoding", encoding).WithBody(Compress(body, encoding)));

        var run = await fixture.Client.GetBacktestRunAsync("run-zipped");

        var sent = fixture.Sandbox.Server.LogEntries.Single().RequestMessage!.Headers!["Accept-Encoding"];
        Assert.Multiple(() =>
        {
            Assert.That(run.Data.RunId, Is.EqualTo("run-zipped"));
            Assert.That(string.Join(", ", sent), Does.Contain("gzip").And.Contain("br"));
        });
    }

    private static byte[] Compress(byte[] body, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "gzip" ? new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true) : new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}
