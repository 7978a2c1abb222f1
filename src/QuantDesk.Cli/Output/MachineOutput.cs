using QuantDesk.Client;

namespace QuantDesk.Cli.Output;

/// <summary>One JSON (or CSV) document on stdout per command, and nothing else there: no notices, no progress.</summary>
internal sealed class MachineOutput(TextWriter output, OutputFormat format) : ICliOutput
{
    public OutputFormat Format => format;

    public void Notice(string message)
    {
    }

    public void Result<T>(T value, CliView<T> view)
    {
        if (format == OutputFormat.Csv)
        {
            view.Csv(value, output);
        }
        else
        {
            view.Json(value, output);
        }
    }

    public Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait) => wait(null);
}
