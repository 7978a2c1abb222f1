namespace QuantDesk.Client.Http;

/// <summary>Settings of the <see cref="HttpClient"/> itself, shared by the DI and the standalone client.</summary>
internal static class HttpClientSetup
{
    public static void Configure(HttpClient client, QuantDeskClientOptions options)
    {
        client.BaseAddress = options.BaseAddress;

        // The resilience pipeline owns every timeout; HttpClient's own would cut across retries.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.Create(options.ApplicationId));
    }
}
