using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>Tables and progress for people; a live progress line on an interactive terminal, plain lines elsewhere.</summary>
internal sealed class HumanOutput(IAnsiConsole console) : ICliOutput
{
    public void Notice(string message) => console.WriteLine(message);

    public void Datasets(IReadOnlyList<BacktestDataset> datasets)
    {
        if (datasets.Count == 0)
        {
            console.WriteLine("No datasets.");
            return;
        }

        console.Write(DatasetTable.For(datasets));
    }

    public void Submission(BacktestRunSubmission submission, bool waiting) =>
        console.WriteLine($"Submitted run {submission.RunId} ({submission.Status}).");

    public void Run(BacktestRun run) => console.Write(RunTable.For(run));

    public Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait) =>
        console.Profile.Capabilities.Interactive
            ? console.Status().StartAsync(LiveWaitProgress.Waiting(runId), context => wait(new LiveWaitProgress(context, runId)))
            : wait(new PlainWaitProgress(console, runId));
}
