using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A minimal keep-alive HTTP/1.1 server on loopback that hands each request's target, byte for byte as the client
/// sent it, and its headers to the answer function. For tests that must see the request line unnormalised (WireMock decodes and
/// normalises paths) or that send thousands of requests.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackRequest, LoopbackAnswer> _answer;
    private int _requests;
    private int _connections;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackAnswer> answer)
    {
        _answer = answer;
        _listener.Start(backlog: 1024);
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>TCP connections accepted so far: what tells a shared connection pool from one per client.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var buffer = new byte[16 * 1024];
                var filled = 0;
                while (true)
                {
                    int end;
                    while ((end = buffer.AsSpan(0, filled).IndexOf(EndOfHead)) < 0)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var head = Encoding.Latin1.GetString(buffer, 0, end);
                    var consumed = end + EndOfHead.Length;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;

                    Interlocked.Increment(ref _requests);
                    await WriteAsync(stream, _answer(LoopbackRequest.Parse(head)));
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, LoopbackAnswer answer)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.Status} Status\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {answer.Body.Length}\r\n");
        if (answer.ContentType is { } contentType)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        foreach (var line in answer.Headers)
        {
            head.Append(line).Append("\r\n");
        }

        // One write: a head and body sent apart meet Nagle's algorithm and delayed ACKs, 40 ms a request.
        var headBytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
        await stream.WriteAsync(headBytes.Concat(answer.Body).ToArray(), _stop.Token);
    }
}
