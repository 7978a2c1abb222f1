namespace QuantDesk.Client.DependencyInjection;

/// <summary>One name registered with <c>AddQuantDeskClient</c>, so the factory can tell a typo from a client.</summary>
internal sealed record QuantDeskClientRegistration(string Name)
{
    /// <summary>The IHttpClientFactory name of the client registered under <paramref name="name"/>.</summary>
    public static string HttpClientNameOf(string name) =>
        name.Length == 0
            ? Microsoft.Extensions.DependencyInjection.QuantDeskServiceCollectionExtensions.HttpClientName
            : Microsoft.Extensions.DependencyInjection.QuantDeskServiceCollectionExtensions.HttpClientName + ":" + name;
}
