using System.Text.Json.Serialization;
using QuantDesk.Client.Models;

namespace QuantDesk.Client;

public partial class BacktestRunResponse : IJsonOnDeserialized
{
    void IJsonOnDeserialized.OnDeserialized() => ResponseEnvelope.EnsureSucceeded(Success);
}
