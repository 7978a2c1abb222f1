using System.Buffers;
using System.Net.Http.Headers;

namespace QuantDesk.Client.Http;

/// <summary>
/// A response body read whole into memory by <see cref="ResponseBufferingHandler"/>, readable without a copy. The
/// bytes live in a pooled array that goes back to the pool when the response is disposed (the generated code, the
/// retry strategy and the call boundary each dispose what they are done with), so a call allocates no array for its body.
/// A success keeps the headers of the content it replaced as <see cref="OriginalHeaders"/> instead of copying them (its
/// own <see cref="HttpContent.Headers"/> stay empty); an error answer's are copied, for its exception.
/// </summary>
internal sealed class BufferedContent : ByteArrayContent
{
    private const int MaxPooledLength = 1024 * 1024;

    private byte[]? _pooled;

    public BufferedContent(byte[] pooled, int length, HttpContentHeaders? originalHeaders)
        : base(pooled, 0, length)
    {
        _pooled = pooled;
        Body = pooled.AsMemory(0, length);
        OriginalHeaders = originalHeaders;
    }

    /// <summary>
    /// For an error answer, the typed exception it stands for, built once where the call leaves the pipeline: the
    /// generated code throws it, and telemetry records it, without a second parse or a throw inside the pipeline.
    /// </summary>
    public QuantDeskApiException? Failure { get; set; }

    /// <summary>The content headers the answer came with, where they were not copied into <see cref="HttpContent.Headers"/>.</summary>
    public HttpContentHeaders? OriginalHeaders { get; }

    /// <summary>The content headers the answer came with, wherever they are kept.</summary>
    public static HttpContentHeaders HeadersOf(HttpContent content) =>
        (content as BufferedContent)?.OriginalHeaders ?? content.Headers;

    /// <summary>The body; not to be read after the content is disposed.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// Returns a buffer to the shared pool with the bytes it held cleared (other code in the process rents from the same
    /// pool); a buffer grown for a large body is left to the garbage collector rather than kept by the pool.
    /// </summary>
    public static void GiveBack(byte[] buffer, int used)
    {
        if (buffer.Length <= MaxPooledLength)
        {
            buffer.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The body without a leading UTF-8 byte order mark, which a stream reader would also skip.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _pooled, null) is { } pooled)
        {
            GiveBack(pooled, Body.Length);
        }

        base.Dispose(disposing);
    }
}
