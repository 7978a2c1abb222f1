using System.Buffers;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Http;

/// <summary>
/// Reads the whole response body while the attempt is still inside the timeouts and retries, so a body that stalls
/// is cut off by the attempt timeout, a connection reset mid-body is retried, and no body larger than
/// <see cref="QuantDeskClientOptions.MaxResponseContentLength"/> is held in memory. Memory grows with the bytes that
/// arrive, never with what a <c>Content-Length</c> promises; with compression the cap applies to the decompressed
/// bytes. An error answer's body is only needed for its error fields, so it is cut short instead of refused.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    // What is read before a body shows it is larger: enough for every ordinary answer in one pooled buffer.
    private const int FirstChunk = 16 * 1024;

    private readonly Func<QuantDeskClientOptions> _options;

    public ResponseBufferingHandler(Func<QuantDeskClientOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var maxContentLength = _options().MaxResponseContentLength;
        var sending = base.SendAsync(request, cancellationToken);
        if (!sending.IsCompletedSuccessfully)
        {
            return ReceiveAsync(sending, request, maxContentLength, cancellationToken);
        }

        // The body is buffered into the same response: when that completes at once, the answer's own task goes on.
        var buffering = BufferAsync(request, sending.Result, maxContentLength, cancellationToken);

        // Stryker disable once Conditional : a fast path: the slow one awaits the same buffering and returns the same response
        return buffering.IsCompletedSuccessfully ? sending : AfterBufferingAsync(buffering, sending.Result);
    }

    private static async Task<HttpResponseMessage> ReceiveAsync(Task<HttpResponseMessage> sending, HttpRequestMessage request, long maxContentLength, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);
        await BufferAsync(request, response, maxContentLength, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private static async Task<HttpResponseMessage> AfterBufferingAsync(ValueTask buffering, HttpResponseMessage response)
    {
        await buffering.ConfigureAwait(false);
        return response;
    }

    // One async method for the whole read (checks, stream, loop, content): on a socket each nested async method that
    // waits would allocate a state machine of its own.
    private static async ValueTask BufferAsync(HttpRequestMessage request, HttpResponseMessage response, long maxContentLength, CancellationToken cancellationToken)
    {
        var original = response.Content;
        byte[]? buffer = null;
        try
        {
            if (response.IsSuccessStatusCode && original.Headers.ContentLength > maxContentLength)
            {
                throw TooLarge(request, response, $"{original.Headers.ContentLength} bytes", maxContentLength);
            }

            var limit = response.IsSuccessStatusCode ? maxContentLength : Math.Min(maxContentLength, ErrorFactory.MaxBodyBytes);
            var filled = 0;

            // One pooled buffer, doubled as bytes keep coming; the content that holds the body returns it to the pool.
            buffer = ArrayPool<byte>.Shared.Rent(FirstChunk);
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        // Stryker disable once Linq : memory only: a larger buffer, and the read below is still bounded by limit + 1
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, filled).CopyTo(larger);

                        // Stryker disable once Statement : memory only
                        BufferedContent.GiveBack(buffer, filled);
                        buffer = larger;
                    }

                    // Stryker disable once Arithmetic : a larger room is still bounded by the buffer, and bytes past the limit are refused below
                    var room = (int)Math.Min(buffer.Length - filled, limit + 1 - filled);
                    // Assigned here so that every variant of the block below still compiles under mutation testing.
                    var read = 0;
                    try
                    {
                        read = await stream.ReadAsync(buffer.AsMemory(filled, room), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException)
                    {
                        // A compressed body that does not decode. The same request would bring the same bytes: a success
                        // is refused at once; an error answer keeps what could be read, and its status says what happened.
                        if (response.IsSuccessStatusCode)
                        {
                            throw ErrorFactory.Refusal(response, request, "with a compressed body that could not be decoded (Content-Encoding does not match the bytes)");
                        }

                        // Stryker disable once Statement : read is 0 here, so the check below ends the loop the same way
                        break;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                    if (filled > limit)
                    {
                        if (response.IsSuccessStatusCode)
                        {
                            throw TooLarge(request, response, $"more than {maxContentLength} bytes", maxContentLength);
                        }

                        filled = (int)limit;
                        break;
                    }
                }
            }

            // Stryker disable once Conditional : an error answer's original headers are never read: only a success's reach ResponseHeaders
            var buffered = new BufferedContent(buffer, filled, response.IsSuccessStatusCode ? original.Headers : null);
            buffer = null;

            // A success's headers are kept where they are, unparsed; an error answer's are copied, without parsing or
            // materialising values (a buffered content knows its own length, which is shorter for a cut-short body).
            if (!response.IsSuccessStatusCode)
            {
                foreach (var (name, values) in original.Headers.NonValidated)
                {
                    if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        foreach (var value in values)
                        {
                            buffered.Headers.TryAddWithoutValidation(name, value);
                        }
                    }
                }
            }

            original.Dispose();
            response.Content = buffered;
        }
        catch (IOException exception)
        {
            response.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(exception.Message, exception, cancellationToken);
            }

            // A transport failure like any other, so the retry strategy and the typed errors treat it as one.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The connection broke while reading the response body: {exception.Message}", exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        finally
        {
            // Stryker disable once Block,Statement : memory only
            if (buffer is not null)
            {
                BufferedContent.GiveBack(buffer, buffer.Length);
            }
        }
    }

    // Not transient: the same request would bring the same body again, so this is never retried.
    private static QuantDeskApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response, string size, long maxContentLength) =>
        ErrorFactory.Refusal(
            response,
            request,
            $"with a body of {size}, over the {maxContentLength} bytes allowed by QuantDeskClientOptions.MaxResponseContentLength");
}
