namespace QuantDesk.Client;

/// <summary>
/// Creates the client registered under a name with <c>services.AddQuantDeskClient(name, ...)</c>, for names known
/// only at run time (a wallet picked from a database row, a tenant from a request). Where the name is known when the
/// code is written, <c>[FromKeyedServices("wallet-a")] IQuantDeskClient</c> resolves the same client.
/// </summary>
public interface IQuantDeskClientFactory
{
    /// <summary>
    /// The client registered under <paramref name="name"/>, with that name's options, token source, retry and rate
    /// budget. Cheap: every client of a name shares one pipeline, so create one per use or keep it, as suits the code.
    /// The name <c>""</c> (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/>) is the unnamed client.
    /// </summary>
    /// <param name="name">The name given to <c>AddQuantDeskClient</c>; compared ordinally, case included.</param>
    /// <returns>The whole API for that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    IQuantDeskClient CreateClient(string name);
}
