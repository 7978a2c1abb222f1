using System.Text.Json.Serialization;
using QuantDesk.Client.Models;

namespace QuantDesk.Client;

/// <summary>The envelope of <c>submitBacktestRun</c>: <see cref="Data"/> holds the accepted run; it is never null on success.</summary>
public partial class BacktestRunSubmissionResponse : IJsonOnDeserialized
{
    void IJsonOnDeserialized.OnDeserialized() => ResponseEnvelope.EnsureSucceeded(Success);
}
