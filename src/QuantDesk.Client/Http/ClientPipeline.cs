using System.Net;
using Microsoft.Extensions.Logging;
using QuantDesk.Client.Authentication;
using QuantDesk.Client.Diagnostics;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Http;

/// <summary>
/// Everything one configured client shares, whatever number of generated clients sit on it: its options, its
/// token source (one refresh gate) and its Polly pipeline; and the one definition of its handler chain, used by
/// <c>AddQuantDeskClient</c> and by the standalone constructors alike.
/// </summary>
internal sealed class ClientPipeline
{
    /// <summary>A pipeline with a rate budget of its own, if its options ask for one (a standalone client's).</summary>
    public ClientPipeline(Func<QuantDeskClientOptions> options, ILogger logger)
        : this(options, logger, OwnBudget(options()))
    {
    }

    /// <summary>A pipeline whose rate budget, if any, comes from <paramref name="budgetFor"/> (a container's, shared by key).</summary>
    public ClientPipeline(Func<QuantDeskClientOptions> options, ILogger logger, Func<QuantDeskClientOptions, RateBudget?> budgetFor)
    {
        Options = options;
        Logger = logger;
        Tokens = new AccessTokenSource(options);
        Resilience = new ResiliencePipelineCache(options, logger, budgetFor);
    }

    public Func<QuantDeskClientOptions> Options { get; }

    public ILogger Logger { get; }

    public AccessTokenSource Tokens { get; }

    public ResiliencePipelineCache Resilience { get; }

    /// <summary>
    /// The handlers from the client down to the sockets, each doing one thing: telemetry (one span per call) →
    /// resilience (retries and timeouts, the outcome typed as it leaves; below it runs once per attempt) → Bearer
    /// token → response buffering → redirects → attempt counting.
    /// </summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new TelemetryHandler(Options);
        yield return new ResiliencePipelineHandler(Resilience, Logger);
        yield return new BearerTokenHandler(Tokens, Options, Logger);
        yield return new ResponseBufferingHandler(Options);
        yield return new RedirectHandler(Options);
        yield return new AttemptCountingHandler();
    }

    /// <summary>
    /// The socket handler: redirects are the client's (<see cref="RedirectHandler"/>), answers may come compressed
    /// (gzip, Brotli; the size cap applies to the decompressed bytes), and no cookie jar follows every request of
    /// the process. Connections are recycled so DNS changes are seen.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>The handlers chained over <paramref name="primary"/>, outermost first.</summary>
    public HttpMessageHandler Chain(HttpMessageHandler primary)
    {
        var handlers = CreateHandlers().ToArray();
        for (var i = 0; i < handlers.Length; i++)
        {
            handlers[i].InnerHandler = i + 1 < handlers.Length ? handlers[i + 1] : primary;
        }

        return handlers[0];
    }

    // A standalone client's settings never change, so its budget is made once, with them.
    private static Func<QuantDeskClientOptions, RateBudget?> OwnBudget(QuantDeskClientOptions options)
    {
        var budget = new RateBudgets().For(string.Empty, options);
        return _ => budget;
    }
}
