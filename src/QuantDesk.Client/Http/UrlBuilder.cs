using System.Buffers;

namespace QuantDesk.Client.Http;

/// <summary>
/// The relative URL of one request, as the generated code builds it (Append, Length--, ToString), in a pooled
/// buffer: the only allocation left is the URL string itself, where a StringBuilder adds itself and its chunks.
/// </summary>
internal sealed class UrlBuilder
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(128);
    private int _length;

    /// <summary>The number of characters so far; setting it shorter drops a trailing separator.</summary>
    public int Length
    {
        get => _length;
        set => _length = value >= 0 && value <= _length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public UrlBuilder Append(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            EnsureRoom(value.Length);
            value.CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
        }

        return this;
    }

    public UrlBuilder Append(char value)
    {
        EnsureRoom(1);
        _buffer[_length++] = value;
        return this;
    }

    /// <summary>The URL. Gives the buffer back to the pool: call it once, as the generated code does.</summary>
    public override string ToString()
    {
        var url = new string(_buffer, 0, _length);

        // Stryker disable once Statement : memory only
        ArrayPool<char>.Shared.Return(_buffer);

        // Stryker disable once CollectionExpression : nothing is written after the URL is taken
        _buffer = [];
        _length = 0;
        return url;
    }

    private void EnsureRoom(int count)
    {
        // Stryker disable once Equality,Block,Statement : memory only: a buffer grown when the text would still fit
        if (_length + count <= _buffer.Length)
        {
            return;
        }

        // Stryker disable once Arithmetic,Linq : memory only: the rented buffer is still at least the size asked for
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(larger);

        // Stryker disable once all : memory only: the old buffer's return to the pool
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
