using System.Text.Json.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// A run to submit. <see cref="Strategy"/> is the free-form strategy card: build it as a
/// <see cref="System.Text.Json.Nodes.JsonObject"/>, parse it from a file with <c>JsonNode.Parse(...)!.AsObject()</c>,
/// or convert a type of your own with <c>JsonSerializer.SerializeToNode(...)!.AsObject()</c>.
/// It is checked before it is sent: nothing reaches the API when a required value is missing.
/// </summary>
public partial class SubmitBacktestRunRequest : IJsonOnSerializing
{
    // The generated code serializes the request before the first byte is sent, so this is the one place that
    // sees every submission, whichever way the request object was built.
    void IJsonOnSerializing.OnSerializing()
    {
        const string parameter = "request";
        if (string.IsNullOrWhiteSpace(DatasetId))
        {
            throw new ArgumentException("SubmitBacktestRunRequest.DatasetId is required: name a dataset from ListBacktestDatasetsAsync.", parameter);
        }

        if (Strategy is null)
        {
            throw new ArgumentException("SubmitBacktestRunRequest.Strategy is required: the strategy card as a JSON object.", parameter);
        }
    }
}
