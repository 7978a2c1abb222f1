using QuantDesk.Client;

namespace QuantDesk.Cli.Output;

/// <summary>Where a command's result goes: drawn for people, or as the one JSON or CSV document on stdout.</summary>
internal interface ICliOutput
{
    OutputFormat Format { get; }

    /// <summary>A line of context for people (the sandbox in use, a submission accepted); silent in JSON and CSV.</summary>
    void Notice(string message);

    /// <summary>Shows a command's result.</summary>
    void Result<T>(T value, CliView<T> view);

    /// <summary>Runs a wait, showing its progress as suits the output.</summary>
    /// <param name="runId">The run waited for.</param>
    /// <param name="wait">The wait, given where to report each poll (null: nowhere).</param>
    Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait);
}
