using System.Buffers;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

/// <summary>A body kept in a pooled buffer: given back cleared, large ones left to the collector, unreadable once disposed.</summary>
public sealed class BufferedContentTests
{
    // Other code in the process rents from the same pool: a body given back must not be readable by the next renter.
    // A buffer given back on this thread is the next one rented here for its size.
    [TestCase(4096)]
    [TestCase(1024 * 1024)]
    public void A_buffer_is_given_back_to_the_pool_with_its_bytes_cleared(int size)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        Array.Fill(buffer, (byte)0xAB);

        BufferedContent.GiveBack(buffer, buffer.Length);
        var next = ArrayPool<byte>.Shared.Rent(size);

        Assert.Multiple(() =>
        {
            Assert.That(next, Is.SameAs(buffer));
            Assert.That(next.All(value => value == 0), Is.True);
        });
        ArrayPool<byte>.Shared.Return(next);
    }

    [Test]
    public void A_buffer_grown_past_a_mebibyte_is_left_to_the_garbage_collector()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2 * 1024 * 1024);
        Array.Fill(buffer, (byte)0xAB);

        BufferedContent.GiveBack(buffer, buffer.Length);

        Assert.That(buffer.All(value => value == 0xAB), Is.True, "neither cleared nor kept by the pool");
    }

    [Test]
    public void A_disposed_body_cannot_be_read_again()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16);
        "{}"u8.CopyTo(buffer);
        var content = new BufferedContent(buffer, 2, originalHeaders: null);

        content.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(() => content.ReadAsByteArrayAsync());
    }

    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, new byte[] { 0x7B, 0x7D })]
    [TestCase(new byte[] { 0x7B, 0x7D }, new byte[] { 0x7B, 0x7D })]
    [TestCase(new byte[] { 0xEF, 0xBB }, new byte[] { 0xEF, 0xBB })]
    public void A_leading_UTF8_byte_order_mark_is_skipped_and_nothing_else(byte[] body, byte[] skipped) =>
        Assert.That(BufferedContent.WithoutByteOrderMark(body).ToArray(), Is.EqualTo(skipped));
}
