using System.Net.Http.Json;
using System.Text.Json;

namespace QuantDesk.Client.Benchmarks.Variants;

/// <summary>
/// The limit: what a careful engineer writes by hand with HttpClient and source-generated System.Text.Json,
/// with no authentication, retries, timeouts or logging.
/// </summary>
public sealed class RawHttpClientApi(HttpClient http)
{
    public async Task<RunEnvelope> GetBacktestRunAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/v2/backtest/runs/" + Uri.EscapeDataString(id), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.ErrorEnvelope, cancellationToken).ConfigureAwait(false);
            throw new RawApiException((int)response.StatusCode, error?.Code, error?.RequestId);
        }

        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.RunEnvelope, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The body was JSON null.");
    }

    public async Task<CandleEnvelope> GetCandlesAsync(string symbol, string resolution, CancellationToken cancellationToken = default)
    {
        var url = "api/v2/candles?symbol=" + Uri.EscapeDataString(symbol) + "&resolution=" + Uri.EscapeDataString(resolution);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.ErrorEnvelope, cancellationToken).ConfigureAwait(false);
            throw new RawApiException((int)response.StatusCode, error?.Code, error?.RequestId);
        }

        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.CandleEnvelope, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The body was JSON null.");
    }
}
