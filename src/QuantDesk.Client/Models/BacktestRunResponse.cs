using System.Text.Json.Serialization;
using QuantDesk.Client.Models;

namespace QuantDesk.Client;

/// <summary>The envelope of <c>getBacktestRun</c>: <see cref="Data"/> holds the run; it is never null on success.</summary>
public partial class BacktestRunResponse : IJsonOnDeserialized
{
    void IJsonOnDeserialized.OnDeserialized() => ResponseEnvelope.EnsureSucceeded(Success);
}
