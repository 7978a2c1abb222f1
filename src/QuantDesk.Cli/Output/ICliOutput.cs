using QuantDesk.Client;

namespace QuantDesk.Cli.Output;

/// <summary>How a command shows its result: tables for people, or JSON for scripts.</summary>
internal interface ICliOutput
{
    /// <summary>A line of context for people (the sandbox in use, a submission accepted); silent in JSON.</summary>
    void Notice(string message);

    void Datasets(IReadOnlyList<BacktestDataset> datasets);

    /// <summary>An accepted submission; when the command goes on to wait for it, JSON shows only the final run.</summary>
    void Submission(BacktestRunSubmission submission, bool waiting);

    void Run(BacktestRun run);

    /// <summary>Runs a wait, showing its progress as suits the output.</summary>
    /// <param name="runId">The run waited for.</param>
    /// <param name="wait">The wait, given where to report each poll (null: nowhere).</param>
    Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait);
}
