using System.Text;
using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>The bytes every variant receives: the sandbox's answers, built from the contract's examples.</summary>
public static class ExampleBodies
{
    public const string RunId = QuantDeskSandbox.ExampleRunId;

    public const string UnknownRunId = "no-such-run";

    public static readonly byte[] Run = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());

    /// <summary>
    /// The load run's check that named clients share one pool reads it: unlike the run, the portfolio declares
    /// security, so each name's token goes on the wire.
    /// </summary>
    public static readonly byte[] Portfolio = Encoding.UTF8.GetBytes(QuantDeskSandbox.ContractExample("getPortfolio").ToJsonString());

    public static readonly byte[] NotFound = Encoding.UTF8.GetBytes(
        QuantDeskSandbox.ErrorBody("RUN_NOT_FOUND", "Unknown run.", "req_sandbox_404").ToJsonString());
}
