using System.Text.Json.Serialization;
using QuantDesk.Client.Models;

namespace QuantDesk.Client;

/// <summary>The envelope of <c>listBacktestDatasets</c>: <see cref="Data"/> holds the catalog; it is never null on success.</summary>
public partial class BacktestDatasetListResponse : IJsonOnDeserialized
{
    void IJsonOnDeserialized.OnDeserialized() => ResponseEnvelope.EnsureSucceeded(Success);
}
