namespace QuantDesk.Client;

/// <summary>What the client asks of <see cref="QuantDeskClientOptions.AccessTokenProvider"/>.</summary>
/// <param name="ForceRefresh">
/// <see langword="true"/> when the API has just rejected the token the provider gave before: return a newly
/// issued token, not a cached one.
/// </param>
public readonly record struct AccessTokenRequest(bool ForceRefresh);
