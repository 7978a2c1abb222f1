using QuantDesk.Client.Testing.Areas;
using QuantDesk.Client.Testing.Routing;
using WireMock;

namespace QuantDesk.Client.Testing;

/// <summary>
/// What the sandbox answers: every operation of the embedded contract, routed by its method and path, checked as
/// the contract says (a Bearer token on secured operations, a JSON body of the declared shape), then answered by
/// the area that keeps state for it or with the contract's example. Faults queued for the next requests, the
/// token the sandbox requires and its latency come first. Thread-safe: the server calls it from many requests at once.
/// </summary>
internal sealed class SandboxBehaviour
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<string, SandboxAnswer>> _faults = new();
    private readonly IReadOnlyList<ContractOperation> _operations = ContractOperation.Embedded;
    private readonly Dictionary<string, Func<SandboxCall, SandboxAnswer>> _answers;
    private string? _requiredToken;
    private TimeSpan _latency;
    private int _requestCount;

    public SandboxBehaviour()
    {
        SandboxArea[] areas = [Markets, Oracle, Portfolio, MarketData, Social, Backtest, Referrals];
        _answers = areas.SelectMany(area => area.Answers).ToDictionary(StringComparer.Ordinal);
    }

    public MarketsArea Markets { get; } = new();

    public OracleArea Oracle { get; } = new();

    public PortfolioArea Portfolio { get; } = new();

    public MarketDataArea MarketData { get; } = new();

    public SocialArea Social { get; } = new();

    public BacktestArea Backtest { get; } = new();

    public ReferralsArea Referrals { get; } = new();

    /// <summary>Changes the sandbox's state under its lock.</summary>
    public void Change(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    public void RequireToken(string? token) => Change(() => _requiredToken = token);

    public void SetLatency(TimeSpan latency) => Change(() => _latency = latency);

    public void EnqueueFaults(IEnumerable<Func<string, SandboxAnswer>> faults) => Change(() =>
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    });

    public async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        TimeSpan latency;
        SandboxAnswer answer;
        string requestId;
        lock (_lock)
        {
            latency = _latency;
            requestId = $"req_sandbox_{++_requestCount}";
            answer = Answer(request, requestId);
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency).ConfigureAwait(false);
        }

        return answer.ToResponseMessage(requestId);
    }

    private SandboxAnswer Answer(IRequestMessage request, string requestId)
    {
        var token = BearerToken(request);
        if (_faults.TryDequeue(out var fault))
        {
            return fault(requestId);
        }

        foreach (var operation in _operations)
        {
            if (operation.Match(request.Method, request.Path) is { } parameters)
            {
                return Answer(operation, parameters, request, token, requestId);
            }
        }

        return SandboxAnswer.Error(404, "NOT_FOUND", $"No route {request.Method} {request.Path}.", requestId);
    }

    private SandboxAnswer Answer(ContractOperation operation, Dictionary<string, string> parameters, IRequestMessage request, string? token, string requestId)
    {
        // The required token is checked where a token is due or given: a public operation sent without one passes.
        if (_requiredToken is not null && (operation.Secured || token is not null) && token != _requiredToken)
        {
            return SandboxAnswer.ForStatus(401, requestId);
        }

        if (operation.Secured && token is null)
        {
            return SandboxAnswer.Error(401, "UNAUTHORIZED", "Missing or expired auth.", requestId);
        }

        System.Text.Json.Nodes.JsonObject? body = null;
        if (operation.RequestSchema is { } schema)
        {
            if (!IsJson(request))
            {
                return SandboxAnswer.Error(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be application/json.", requestId);
            }

            if (RequestBodyCheck.Problem(schema, request.Body, out body) is { } problem)
            {
                return SandboxAnswer.Error(400, "INVALID_REQUEST", problem, requestId);
            }
        }

        var call = new SandboxCall(operation, request, parameters, body, token, requestId);
        return _answers.TryGetValue(operation.Id, out var answer)
            ? answer(call)
            : SandboxAnswer.Json(operation.SuccessStatus, OpenApiExamples.ForSchema(operation.SuccessSchema!)!);
    }

    private static bool IsJson(IRequestMessage request) =>
        request.Headers is { } headers
        && headers.TryGetValue("Content-Type", out var values)
        && values.Any(value => value.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static string? BearerToken(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Authorization", out var values)
            ? values.Select(value => value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null).FirstOrDefault(value => value is { Length: > 0 })
            : null;
}
