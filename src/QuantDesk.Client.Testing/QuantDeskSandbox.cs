using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Testing;

/// <summary>
/// A fake QuantDesk API running in-process on a loopback port (WireMock.Net), for the tests of code that uses
/// QuantDesk.Client. Out of the box it serves all operations of the contract from its examples: markets, orderbooks,
/// oracle prices, candles, a portfolio for any token, the leaderboard with real paging, flex cards, referral checks,
/// the dataset catalog, the example run under <see cref="ExampleRunId"/>, and submissions that are accepted and
/// complete after two polls. It follows the contract: secured operations answer 401 without a Bearer token, a
/// request body that is not JSON of the declared shape answers 400, another content type 415, and unknown runs,
/// markets and flex cards 404. The <c>With…</c> and <c>…Next…</c> methods change its answers and return the
/// sandbox, so they chain; <see cref="ReceivedRequests"/> and <see cref="Submissions"/> tell what your code sent.
/// </summary>
public sealed class QuantDeskSandbox : IDisposable
{
    /// <summary>The run id of the contract's example run.</summary>
    public const string ExampleRunId = "b4f1c2a0-6d3e-4f7a-9c1b-0a2d3e4f5a6b";

    /// <summary>The flex card id of the contract's example flex card.</summary>
    public const string ExampleFlexCardId = "fc_9x2k1";

    private const string ApiPath = "/api/";
    private const string RunsPath = "/api/v2/backtest/runs/";

    private readonly SandboxBehaviour _behaviour;

    private QuantDeskSandbox(WireMockServer server)
    {
        Server = server;
        BaseAddress = new Uri(server.Url! + "/");
        _behaviour = new SandboxBehaviour();

        // Lowest priority: answers added through Server take precedence over the sandbox's own.
        server
            .Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher(ApiPath + "*")))
            .AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithCallback(_behaviour.AnswerAsync));
    }

    /// <summary>The underlying WireMock.Net server, for answers of your own and request assertions.</summary>
    public WireMockServer Server { get; }

    /// <summary>The sandbox's address (<c>http://127.0.0.1:port/</c>), for <see cref="QuantDeskClientOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The contract's example run (<see cref="ExampleRunId"/>, completed, Sharpe 1.84, DSR 0.72, max drawdown -0.14).</summary>
    public BacktestRun ExampleRun => _behaviour.Backtest.ExampleRun;

    /// <summary>Every request the sandbox received, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> ReceivedRequests =>
        [.. Server.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).Select(entry => new SandboxRequest(entry.RequestMessage!))];

    /// <summary>Every run submission the sandbox received, oldest first, as your code sent it.</summary>
    public IReadOnlyList<SubmitBacktestRunRequest> Submissions =>
        [.. ReceivedRequests
            .Where(request => request.Method == "POST" && request.Path.TrimEnd('/') == RunsPath.TrimEnd('/'))
            .Select(request => Areas.BacktestArea.ReadSubmission(request.Body))
            .OfType<SubmitBacktestRunRequest>()];

    /// <summary>Starts a sandbox on a free loopback port, serving the contract's examples.</summary>
    /// <returns>The running sandbox; dispose it to stop the server.</returns>
    public static QuantDeskSandbox Start() => new(WireMockServer.Start());

    /// <summary>Serves a run under its id, on every poll. Build it with <see cref="QuantDeskModelFactory.BacktestRun"/>.</summary>
    /// <param name="run">The run, with any status and metrics.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithRun(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _behaviour.Change(() => _behaviour.Backtest.SetRun([run]));
        return this;
    }

    /// <summary>
    /// Serves a run that is <c>queued</c> on the first poll, <c>running</c> on the next ones, and
    /// <paramref name="completedRun"/> (by default completed with the example metrics) after
    /// <paramref name="pollsInProgress"/> polls.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="pollsInProgress">How many polls see the run in progress.</param>
    /// <param name="completedRun">What the polls after those see; its id must be <paramref name="runId"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithRunCompletingAfter(string runId, int pollsInProgress, BacktestRun? completedRun = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(pollsInProgress);
        if (completedRun is not null && completedRun.RunId != runId)
        {
            throw new ArgumentException($"The completed run's id '{completedRun.RunId}' is not '{runId}'.", nameof(completedRun));
        }

        _behaviour.Change(() => _behaviour.Backtest.SetRun(_behaviour.Backtest.Progression(runId, pollsInProgress, completedRun)));
        return this;
    }

    /// <summary>Answers 404 (<c>RUN_NOT_FOUND</c>) for a run, the example run included.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithoutRun(string runId)
    {
        _behaviour.Change(() => _behaviour.Backtest.RemoveRun(runId));
        return this;
    }

    /// <summary>Serves this dataset catalog instead of the contract's example.</summary>
    /// <param name="datasets">The datasets; build them with <see cref="QuantDeskModelFactory.BacktestDataset"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithDatasets(params IEnumerable<BacktestDataset> datasets)
    {
        IReadOnlyList<BacktestDataset> catalog = [.. datasets];
        _behaviour.Change(() => _behaviour.Backtest.SetDatasets(catalog));
        return this;
    }

    /// <summary>How many polls a submitted run stays in progress before it completes with the example metrics (2 by default).</summary>
    /// <param name="pollsInProgress">The number of polls; 0 completes at once.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithSubmittedRunsCompletingAfter(int pollsInProgress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollsInProgress);
        _behaviour.Change(() => _behaviour.Backtest.SubmittedRunPollsInProgress = pollsInProgress);
        return this;
    }

    /// <summary>
    /// Answers 401 (<c>UNAUTHORIZED</c>) to a secured operation without exactly this Bearer token, and to any request
    /// that carries another token; a public operation sent without a token still passes, as the client sends it.
    /// Without it, secured operations take any Bearer token and public ones need none.
    /// </summary>
    /// <param name="token">The only token accepted; <see langword="null"/> accepts any request again.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox RequireAccessToken(string? token)
    {
        _behaviour.RequireToken(token);
        return this;
    }

    /// <summary>Delays every answer of the sandbox by this long.</summary>
    /// <param name="latency">The delay; <see cref="TimeSpan.Zero"/> for none.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _behaviour.SetLatency(latency);
        return this;
    }

    /// <summary>
    /// Answers the next requests, whatever they ask for, with these error statuses in turn (one request each) and
    /// the documented error body: for example <c>FailNextRequests(503, 502)</c>, or 401, 403, 404, 500.
    /// </summary>
    /// <param name="statusCodes">The statuses, in order.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox FailNextRequests(params IEnumerable<int> statusCodes)
    {
        _behaviour.EnqueueFaults(statusCodes.Select(statusCode => (Func<string, SandboxAnswer>)(requestId => SandboxAnswer.ForStatus(statusCode, requestId))));
        return this;
    }

    /// <summary>Answers the next requests with 429 (<c>RATE_LIMITED</c>) and a <c>Retry-After</c> in seconds.</summary>
    /// <param name="count">How many requests are refused.</param>
    /// <param name="retryAfter">The wait the answers ask for (rounded up to whole seconds).</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox RateLimitNextRequests(int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        _behaviour.EnqueueFaults(Enumerable.Repeat<Func<string, SandboxAnswer>>(requestId => SandboxAnswer.ForStatus(429, requestId) with { RetryAfter = retryAfter }, count));
        return this;
    }

    /// <summary>Answers the next requests with 200 and a body that is not valid JSON.</summary>
    /// <param name="count">How many answers are malformed.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox MalformNextResponses(int count = 1)
    {
        _behaviour.EnqueueFaults(Enumerable.Repeat<Func<string, SandboxAnswer>>(_ => new SandboxAnswer(200, "{\"success\": true, \"data\": {\"run_id\": "), count));
        return this;
    }

    /// <summary>Serves this market registry (listMarkets, getMarket) instead of the contract's example market.</summary>
    /// <param name="markets">The markets; <c>getMarket</c> answers 404 <c>MARKET_NOT_FOUND</c> for any other symbol.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithMarkets(params IEnumerable<Market> markets)
    {
        IReadOnlyList<Market> registry = [.. markets];
        _behaviour.Change(() => _behaviour.Markets.SetMarkets(registry));
        return this;
    }

    /// <summary>Serves these leverage tiers instead of the contract's example.</summary>
    /// <param name="tiers">The tiers.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithLeverageTiers(params IEnumerable<LeverageTier> tiers)
    {
        IReadOnlyList<LeverageTier> list = [.. tiers];
        _behaviour.Change(() => _behaviour.Markets.SetLeverageTiers(list));
        return this;
    }

    /// <summary>Serves this orderbook for a market; other markets get the contract's example book.</summary>
    /// <param name="market">The market symbol, matched ignoring case.</param>
    /// <param name="orderbook">The book; build it with <see cref="QuantDeskModelFactory.Orderbook"/>.</param>
    /// <param name="source">Where the book says it came from; <see cref="OrderbookSource.Cache"/> by default.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithOrderbook(string market, Orderbook orderbook, OrderbookSource? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        ArgumentNullException.ThrowIfNull(orderbook);
        _behaviour.Change(() => _behaviour.Markets.SetOrderbook(market, orderbook, source ?? OrderbookSource.Cache));
        return this;
    }

    /// <summary>Serves these oracle prices instead of the contract's example.</summary>
    /// <param name="prices">Prices keyed by market symbol.</param>
    /// <param name="timestamp">When the prices were read; now by default.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithOraclePrices(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var copy = new Dictionary<string, decimal>(prices, StringComparer.Ordinal);
        _behaviour.Change(() => _behaviour.Oracle.SetPrices(copy, timestamp ?? DateTimeOffset.UtcNow));
        return this;
    }

    /// <summary>Serves this stats snapshot for its symbol; other symbols get the contract's example under their own symbol.</summary>
    /// <param name="stats">The snapshot, with its <see cref="MarketStats.Symbol"/> set.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithMarketStats(MarketStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentException.ThrowIfNullOrWhiteSpace(stats.Symbol, nameof(stats));
        _behaviour.Change(() => _behaviour.MarketData.SetStats(stats));
        return this;
    }

    /// <summary>Serves these candles for a symbol and resolution; others get the contract's example candle.</summary>
    /// <param name="symbol">The market symbol, matched ignoring case.</param>
    /// <param name="resolution">The resolution.</param>
    /// <param name="candles">The candles, oldest first; build them with <see cref="QuantDeskModelFactory.Candle"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithCandles(string symbol, CandleResolution resolution, params IEnumerable<Candle> candles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        IReadOnlyList<Candle> list = [.. candles];
        _behaviour.Change(() => _behaviour.MarketData.SetCandles(symbol, resolution, list));
        return this;
    }

    /// <summary>
    /// Serves this portfolio (and its positions and orders) to requests with this Bearer token; other tokens get
    /// the contract's example portfolio.
    /// </summary>
    /// <param name="token">The access token the requests carry.</param>
    /// <param name="portfolio">The portfolio; build it with <see cref="QuantDeskModelFactory.Portfolio"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithPortfolio(string token, Portfolio portfolio)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(portfolio);
        _behaviour.Change(() => _behaviour.Portfolio.SetPortfolio(token, portfolio));
        return this;
    }

    /// <summary>Answers 404 <c>PORTFOLIO_NOT_FOUND</c> to the portfolio operations for this token: a wallet without a portfolio.</summary>
    /// <param name="token">The access token the requests carry.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithoutPortfolio(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _behaviour.Change(() => _behaviour.Portfolio.SetPortfolio(token, null));
        return this;
    }

    /// <summary>Serves these leaderboard rows, paged by <c>limit</c> (10 by default) and <c>offset</c> as the contract says.</summary>
    /// <param name="rows">The rows in rank order; build them with <see cref="QuantDeskModelFactory.LeaderboardRow"/>.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithLeaderboard(params IEnumerable<LeaderboardRow> rows)
    {
        IReadOnlyList<LeaderboardRow> list = [.. rows];
        _behaviour.Change(() => _behaviour.Social.SetLeaderboard(list));
        return this;
    }

    /// <summary>Serves a flex card under its id, besides the example card and those published to the sandbox.</summary>
    /// <param name="flexCard">The card, with its <see cref="FlexCard.FlexCardId"/> set.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithFlexCard(FlexCard flexCard)
    {
        ArgumentNullException.ThrowIfNull(flexCard);
        ArgumentException.ThrowIfNullOrWhiteSpace(flexCard.FlexCardId, nameof(flexCard));
        _behaviour.Change(() => _behaviour.Social.SetFlexCard(flexCard));
        return this;
    }

    /// <summary>Answers 403 <c>DEPLOY_GATE_FAILED</c> when a flex card is published for this run.</summary>
    /// <param name="runId">The run that did not pass the deploy gate.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithFailingDeployGate(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        _behaviour.Change(() => _behaviour.Social.FailDeployGate(runId));
        return this;
    }

    /// <summary>Answers <c>isLoop: true</c> when this referrer is validated; any other referrer is safe.</summary>
    /// <param name="referrerAddress">The referrer whose assignment would close a loop.</param>
    /// <returns>This sandbox.</returns>
    public QuantDeskSandbox WithReferralLoop(string referrerAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referrerAddress);
        _behaviour.Change(() => _behaviour.Referrals.AddLoop(referrerAddress));
        return this;
    }

    /// <summary>The contract's example <c>getBacktestRun</c> body for a run id.</summary>
    /// <param name="runId">The run id to put in the body.</param>
    /// <returns>The JSON envelope with <c>success: true</c> and the run in <c>data</c>.</returns>
    public static JsonObject ExampleRunBody(string runId = ExampleRunId)
    {
        var body = OpenApiExamples.ForSchema("BacktestRunResponse");
        body["data"]!["run_id"] = runId;
        return body;
    }

    /// <summary>The contract's example answer of an operation: its success body built from the schema's examples.</summary>
    /// <param name="operationId">The operation, for example <c>getOrderbook</c>.</param>
    /// <returns>The JSON body the sandbox serves for it by default.</returns>
    /// <exception cref="ArgumentException">The contract has no such operation.</exception>
    public static JsonObject ContractExample(string operationId)
    {
        return (JsonObject)OpenApiExamples.ForSchema(Routing.ContractOperation.Named(operationId).SuccessSchema!)!;
    }

    /// <summary>The contract's example request body of an operation, built from the schema's examples.</summary>
    /// <param name="operationId">The operation, for example <c>publishFlexCard</c>.</param>
    /// <returns>The JSON body, or <see langword="null"/> when the operation takes none.</returns>
    /// <exception cref="ArgumentException">The contract has no such operation.</exception>
    public static JsonObject? ContractRequestExample(string operationId)
    {
        return Routing.ContractOperation.Named(operationId).RequestSchema is { } schema ? (JsonObject?)OpenApiExamples.ForSchema(schema) : null;
    }

    /// <summary>A body of the contract's <c>Error</c> schema.</summary>
    /// <param name="code">The error code, used for both <c>error</c> and <c>code</c>.</param>
    /// <param name="message">The human-readable message.</param>
    /// <param name="requestId">The request id to report.</param>
    /// <returns>The JSON error body with <c>success: false</c>.</returns>
    public static JsonObject ErrorBody(string code, string message, string requestId = "req_sandbox") => new()
    {
        ["success"] = false,
        ["error"] = code,
        ["code"] = code,
        ["message"] = message,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["request_id"] = requestId,
    };

    /// <summary>Serves a raw JSON body (any shape, valid or not) for a run id, ahead of the sandbox's own answers.</summary>
    /// <param name="runId">The run id, matched exactly (as decoded by the server).</param>
    /// <param name="body">The whole response body.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    public void ServeRun(string runId, JsonObject body, int statusCode = 200) =>
        Server
            .Given(Request.Create().UsingGet().WithPath(RunsPath + runId))
            .AtPriority(1)
            .RespondWith(Response.Create()
                .WithStatusCode(statusCode)
                .WithHeader("Content-Type", "application/json")
                .WithBody(body.ToJsonString()));

    /// <inheritdoc />
    public void Dispose() => Server.Stop();
}
