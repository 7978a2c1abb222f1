using System.Buffers;
using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Http;

/// <summary>
/// The innermost handler: reads the whole response body while the attempt is still inside the timeouts and
/// retries, so a body that stalls is cut off by the attempt timeout, a connection reset mid-body is retried,
/// and no body larger than <see cref="QuantDeskClientOptions.MaxResponseContentLength"/> is held in memory.
/// An error answer's body is only needed for its error fields, so it is cut short instead of refused, and the
/// caller still gets the typed exception for the status.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    private readonly long _maxContentLength;

    public ResponseBufferingHandler(long maxContentLength)
    {
        _maxContentLength = maxContentLength;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength > _maxContentLength)
            {
                throw TooLarge(request, response, $"{response.Content.Headers.ContentLength} bytes");
            }

            response.Content = await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
            return response;
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
    }

    private async Task<HttpContent> BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = response.IsSuccessStatusCode ? _maxContentLength : Math.Min(_maxContentLength, ApiErrorReader.MaxBodyBytes);
        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        ByteArrayContent buffered;
        await using (stream.ConfigureAwait(false))
        {
            buffered = original.Headers.ContentLength is { } length && length <= limit
                ? await ReadDeclaredLengthAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadUpToLimitAsync(request, response, stream, limit, cancellationToken).ConfigureAwait(false);
        }

        // Without parsing or materialising values: a buffered content knows its own length, which is shorter
        // for a cut-short error body.
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

        original.Dispose();
        return buffered;
    }

    // The common case: the server said how long the body is, so it is read into an array of exactly that size.
    private static async Task<ByteArrayContent> ReadDeclaredLengthAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return new ByteArrayContent(body);
    }

    private async Task<ByteArrayContent> ReadUpToLimitAsync(HttpRequestMessage request, HttpResponseMessage response, Stream stream, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        throw TooLarge(request, response, $"more than {_maxContentLength} bytes");
                    }

                    buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Not transient: the same request would bring the same body again, so this is never retried.
    private QuantDeskApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response, string size) =>
        new(
            new ApiErrorDetails
            {
                StatusCode = (int)response.StatusCode,
                Message = $"QuantDesk API call {request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} with a body of {size}, " +
                    $"over the {_maxContentLength} bytes allowed by QuantDeskClientOptions.MaxResponseContentLength.",
                RequestId = response.Headers.TryGetValues(ApiErrorReader.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null,
            },
            innerException: null);
}
