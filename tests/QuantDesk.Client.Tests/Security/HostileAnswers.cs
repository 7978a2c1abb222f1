using System.Globalization;
using System.Text;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Security;

/// <summary>
/// A seeded generator of whole HTTP answers as a hostile server would write them, byte for byte: odd status lines and
/// reason phrases, and every header a server controls (<c>Retry-After</c>, <c>Date</c>, <c>Location</c>,
/// <c>X-Request-ID</c>, <c>Content-Type</c>, <c>Content-Encoding</c>, <c>Content-Length</c>) filled with values meant to
/// break a client, over bodies from <see cref="HostileBody"/> and a few valid ones.
/// </summary>
public sealed class HostileAnswers
{
    private static readonly string[] Statuses =
        ["200", "200", "202", "204", "300", "301", "302", "303", "304", "307", "308", "400", "401", "403", "404", "408", "429", "500", "502", "503", "504", "299", "399", "599", "000", "2000", "20", "abc", "-1", "200 "];

    private static readonly string[] Reasons =
        ["OK", "", "\u0001\u0007\u001b[31mred", "Ünïcödé", new string('r', 3000), "OK\u0000", "\u00ff\u00fe", "Found\tTab"];

    private static readonly string[] RetryAfters =
        ["0", "1", "-1", "999999999999", "2147483648", "99999999999999999999999", "1e9", "1.5", "abc", "", "  5  ", "\u0001",
         "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT",
         "Tuesday, 31-Feb-26 25:61:61 GMT", "ünïcödé", new string('9', 5000)];

    private static readonly string[] Dates =
        ["garbage", "Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "", "Thu, 01 Jan 1970 00:00:00 GMT", "\u0001\u0002"];

    private static readonly string[] Locations =
        ["file:///etc/passwd", "ftp://files.example/x", "javascript:alert(1)", "data:text/plain,hi", "mailto:a@b.example", "http://0.0.0.0/x",
         "http://[::]/x", "http://[::1", "//evil.example/x", "\u0001\u0002", "/api/v2/backtest/runs/run-hostile", "run-hostile", "?a=b", "#frag",
         "http://127.0.0.1:1/refused", "https://127.0.0.1:1/refused", "http://user:secret@127.0.0.1:1/", "http://256.256.256.256/", "http://ex ample/",
         "http://%zz/", "/" + new string('a', 10000), "", " ", "http://xn--/", "http://例え.テスト/", "\\\\server\\share"];

    private static readonly string[] RequestIds =
        ["req_1", "req\u0001\u001b[2J", "", new string('i', 9000), "ünï", "req\u00ff", "req\u0000id"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "text/html", "garbage/;;;", "", "application/json; charset=utf-16", "application/json; charset=nonsense"];

    private static readonly string[] ContentEncodings = ["gzip", "br", "deflate", "identity", "x-unknown", "gzip, br", ""];

    private readonly Random _random;
    private readonly HostileBody[] _bodies;
    private readonly object _gate = new();

    public HostileAnswers(int seed)
    {
        _random = new Random(seed);
        _bodies =
        [
            .. HostileBody.All().Where(body => body.Bytes.Length < 64 * 1024),
            Body("a valid run", QuantDeskSandbox.ExampleRunBody("run-hostile").ToJsonString()),
            Body("a running run", QuantDeskSandbox.ExampleRunBody("run-hostile").ToJsonString().Replace("\"completed\"", "\"running\"", StringComparison.Ordinal)),
            Body("a valid error", QuantDeskSandbox.ErrorBody("E", "message\r\nforged", "req\u0001").ToJsonString()),
            Body("a valid submission", """{"success":true,"data":{"run_id":"..","status":"queued"}}"""),
        ];
    }

    /// <summary>The next answer, as the bytes a server writes before closing the connection.</summary>
    public byte[] Next()
    {
        lock (_gate)
        {
            // A third are well-formed answers of the contract with hostile headers only, so the success paths meet them too.
            return _random.Next(3) == 0 ? WellFormed() : Malformed();
        }
    }

    private byte[] WellFormed()
    {
        var body = _bodies[^(1 + _random.Next(4))];
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Pick(["200", "200", "202", "404", "429", "503", "302"])} OK\r\n")
            .Append("Connection: close\r\nContent-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Bytes.Length}\r\n");
        Maybe(head, "Retry-After", RetryAfters);
        Maybe(head, "Date", Dates);
        Maybe(head, "Location", Locations);
        Maybe(head, "X-Request-ID", RequestIds);
        return [.. Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()), .. body.Bytes];
    }

    private byte[] Malformed()
    {
        {
            var body = _bodies[_random.Next(_bodies.Length)];
            var head = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Pick(Statuses)} {Pick(Reasons)}\r\n")
                .Append("Connection: close\r\n");
            Maybe(head, "Retry-After", RetryAfters);
            Maybe(head, "Date", Dates);
            Maybe(head, "Location", Locations);
            Maybe(head, "X-Request-ID", RequestIds);
            Maybe(head, "Content-Type", ContentTypes, body.ContentType);
            if (_random.Next(6) == 0)
            {
                head.Append("Content-Encoding: ").Append(Pick(ContentEncodings)).Append("\r\n");
            }

            switch (_random.Next(8))
            {
                case 0: break; // no length: the body ends when the connection closes
                case 1: head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Bytes.Length + _random.Next(1, 5000)}\r\n"); break;
                case 2: head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Math.Max(0, body.Bytes.Length - _random.Next(1, 50))}\r\n"); break;
                case 3: head.Append("Content-Length: ").Append(Pick(["abc", "-5", "99999999999999999999", "4194304", "1, 2"])).Append("\r\n"); break;
                default: head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Bytes.Length}\r\n"); break;
            }

            // Header values go out as Latin-1: one byte per char, the way a server can write any byte.
            return [.. Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()), .. body.Bytes];
        }
    }

    private static HostileBody Body(string name, string json) => new(name, "application/json", Encoding.UTF8.GetBytes(json));

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private void Maybe(StringBuilder head, string name, string[] values, string? usual = null)
    {
        var value = _random.Next(3) == 0 ? Pick(values) : usual;
        if (value is not null)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }
}
