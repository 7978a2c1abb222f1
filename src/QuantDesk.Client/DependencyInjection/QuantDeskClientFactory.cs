using Microsoft.Extensions.Options;

namespace QuantDesk.Client.DependencyInjection;

/// <summary>Clients by name, each on the HttpClient (and so the pipeline) registered for that name.</summary>
internal sealed class QuantDeskClientFactory : IQuantDeskClientFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptionsMonitor<QuantDeskClientOptions> _options;
    private readonly HashSet<string> _names;

    public QuantDeskClientFactory(IHttpClientFactory httpClients, IOptionsMonitor<QuantDeskClientOptions> options, IEnumerable<QuantDeskClientRegistration> registrations)
    {
        _httpClients = httpClients;
        _options = options;
        _names = registrations.Select(registration => registration.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IQuantDeskClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_names.Contains(name))
        {
            // Never empty: the factory is registered only with a client.
            var registered = string.Join(", ", _names.Order(StringComparer.Ordinal).Select(known => $"'{known}'"));
            throw new InvalidOperationException(
                $"No QuantDesk client is registered under the name '{name}' (registered: {registered}). Register it with services.AddQuantDeskClient(\"{name}\", options => ...).");
        }

        return new QuantDeskClient(_httpClients.CreateClient(QuantDeskClientRegistration.HttpClientNameOf(name)), _options.Get(name).TimeProvider);
    }
}
