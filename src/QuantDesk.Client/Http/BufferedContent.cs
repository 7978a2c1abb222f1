namespace QuantDesk.Client.Http;

/// <summary>A response body read whole into memory by <see cref="ResponseBufferingHandler"/>, readable without a copy.</summary>
internal sealed class BufferedContent : ByteArrayContent
{
    public BufferedContent(byte[] body)
        : base(body)
    {
        Body = body;
    }

    public ReadOnlyMemory<byte> Body { get; }
}
