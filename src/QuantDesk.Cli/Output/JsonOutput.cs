using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using QuantDesk.Client;

namespace QuantDesk.Cli.Output;

/// <summary>One JSON document on stdout per command, and nothing else there.</summary>
internal sealed class JsonOutput(TextWriter output) : ICliOutput
{
    public void Notice(string message)
    {
    }

    public void Datasets(IReadOnlyList<BacktestDataset> datasets) =>
        Write<IReadOnlyList<DatasetJson>>(
            [.. datasets.Select(dataset => new DatasetJson(dataset.DatasetId, dataset.Version, dataset.Symbol, dataset.Resolution))],
            CliJsonContext.Default.IReadOnlyListDatasetJson);

    public void Submission(BacktestRunSubmission submission, bool waiting)
    {
        if (!waiting)
        {
            Write(new SubmissionJson(submission.RunId, submission.Status.ToString()), CliJsonContext.Default.SubmissionJson);
        }
    }

    public void Run(BacktestRun run) =>
        Write(new RunJson(run.RunId ?? string.Empty, run.Status.ToString(), run.Sharpe, run.Dsr, run.MaxDrawdown), CliJsonContext.Default.RunJson);

    public Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait) => wait(null);

    private void Write<T>(T value, JsonTypeInfo<T> typeInfo) => output.WriteLine(JsonSerializer.Serialize(value, typeInfo));
}
