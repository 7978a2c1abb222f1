using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output.Views;

/// <summary>Backtests: the dataset catalog, an accepted submission, and a run's metrics.</summary>
internal static class RunViews
{
    private static readonly TableView<BacktestDataset> DatasetTable = new(
        "No datasets.",
        new Column<BacktestDataset>("Dataset", dataset => dataset.DatasetId),
        new Column<BacktestDataset>("Version", dataset => dataset.Version),
        new Column<BacktestDataset>("Symbol", dataset => dataset.Symbol),
        new Column<BacktestDataset>("Resolution", dataset => dataset.Resolution));

    public static CliView<IReadOnlyList<BacktestDataset>> Datasets { get; } = CliView.Projected<IReadOnlyList<BacktestDataset>, IReadOnlyList<DatasetJson>>(
        datasets => [.. datasets.Select(dataset => new DatasetJson(dataset.DatasetId, dataset.Version, dataset.Symbol, dataset.Resolution))],
        CliJsonContext.Default.IReadOnlyListDatasetJson,
        (datasets, _) => DatasetTable.Render(datasets));

    public static CliView<BacktestRunSubmission> Submission { get; } = CliView.Projected<BacktestRunSubmission, SubmissionJson>(
        submission => new SubmissionJson(submission.RunId, submission.Status.ToString()),
        CliJsonContext.Default.SubmissionJson,
        (submission, _) => new Text($"Submitted run {TerminalText.Safe(submission.RunId)} ({TerminalText.Safe(submission.Status.ToString())}).\n"));

    public static CliView<BacktestRun> Run { get; } = CliView.Projected<BacktestRun, RunJson>(
        run => new RunJson(run.RunId ?? string.Empty, run.Status.ToString(), run.Sharpe, run.Dsr, run.MaxDrawdown),
        CliJsonContext.Default.RunJson,
        (run, _) => DetailsView.Render(
            ("Run", run.RunId, null),
            ("Status", run.Status.ToString(), Palette.RunStatus(run.Status)),
            ("Sharpe", Numbers.Ratio(run.Sharpe), null),
            ("DSR", Numbers.Ratio(run.Dsr), null),
            ("Max drawdown", Numbers.Percent(run.MaxDrawdown), null)));
}
