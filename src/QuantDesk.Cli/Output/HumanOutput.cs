using QuantDesk.Cli.Output.Rendering;
using QuantDesk.Client;
using Spectre.Console;

namespace QuantDesk.Cli.Output;

/// <summary>Tables, pictures and progress for people; a live progress line on an interactive terminal, plain lines elsewhere.</summary>
internal sealed class HumanOutput(IAnsiConsole console, TimeProvider clock) : ICliOutput
{
    public OutputFormat Format => OutputFormat.Human;

    public void Notice(string message) => console.WriteLine(message);

    public void Result<T>(T value, CliView<T> view) => console.Write(view.Human(value, ViewContext.For(console)));

    public async Task<BacktestRun> WaitAsync(string runId, Func<IProgress<BacktestRun>?, Task<BacktestRun>> wait)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await wait(new PlainWaitProgress(console, runId)).ConfigureAwait(false);
        }

        return await console.Status().StartAsync(LiveWaitProgress.Waiting(runId), async context =>
        {
            using var progress = new LiveWaitProgress(new SpectreStatusLine(context), runId, clock);
            return await wait(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
