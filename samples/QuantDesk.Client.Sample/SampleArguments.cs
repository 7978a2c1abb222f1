using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Sample;

/// <summary>The sample's command line: --base-url, --token (or QUANTDESK_TOKEN), --run-id.</summary>
internal sealed record SampleArguments(Uri? BaseAddress, string? Token, string RunId)
{
    public static SampleArguments? Parse(string[] args)
    {
        Uri? baseAddress = null;
        var token = Environment.GetEnvironmentVariable("QUANTDESK_TOKEN");
        var runId = QuantDeskSandbox.ExampleRunId;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--base-url" when Uri.TryCreate(value, UriKind.Absolute, out var parsed):
                    baseAddress = parsed;
                    break;
                case "--token" when value is not null:
                    token = value;
                    break;
                case "--run-id" when value is not null:
                    runId = value;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return new SampleArguments(baseAddress, string.IsNullOrWhiteSpace(token) ? null : token, runId);
    }

    /// <inheritdoc />
    public override string ToString() => $"SampleArguments {{ BaseAddress = {BaseAddress}, RunId = {RunId} }}";
}
