using System.CommandLine;
using System.Text.RegularExpressions;
using QuantDesk.Cli.Commands;
using QuantDesk.Cli.Hosting;

namespace QuantDesk.Cli.Tests.Commands;

public sealed class CommandLineShapeTests
{
    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);

    private static IEnumerable<string[]> LeafPaths()
    {
        var root = CliCommandTree.Create(new CliTerminal(Spectre.Console.AnsiConsole.Console, TextWriter.Null, TextReader.Null, _ => null));
        foreach (var leaf in Leaves(root))
        {
            var path = new List<string>();
            for (Symbol? symbol = leaf; symbol is Command command && symbol != root; symbol = command.Parents.FirstOrDefault())
            {
                path.Insert(0, command.Name);
            }

            yield return [.. path];
        }
    }

    [Test]
    public void Every_area_of_the_api_has_commands()
    {
        var paths = LeafPaths().Select(path => string.Join(' ', path)).ToList();

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "markets list", "markets get", "markets tiers", "markets orderbook", "markets stats", "markets candles", "oracle prices",
            "portfolio show", "portfolio positions", "portfolio orders", "leaderboard list", "flex publish", "flex get",
            "referrals validate", "datasets list", "runs submit", "runs get", "runs wait",
        }));
    }

    [TestCaseSource(nameof(LeafPaths))]
    public async Task Usage_and_the_arguments_list_name_each_argument_alike(string[] path)
    {
        var result = await Tool.RunAsync([.. path, "--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var usage = Regex.Match(result.Output, @"Usage:\s*\n\s*(?<line>quantdesk [^\n]+)").Groups["line"].Value;
        Assert.That(usage, Does.StartWith("quantdesk " + string.Join(' ', path)));
        var listed = Regex.Matches(result.Output[result.Output.IndexOf("Usage:", StringComparison.Ordinal)..], @"^\s{2}(<[^>]+>)", RegexOptions.Multiline).Select(match => match.Groups[1].Value);
        foreach (var argument in listed)
        {
            Assert.That(usage, Does.Contain(argument.TrimEnd('.')), $"'{argument}' in the Arguments list, not in the usage line");
        }
    }

    [Test]
    public async Task The_suggest_directive_completes_command_names()
    {
        var result = await Tool.RunAsync("[suggest]", "mark");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.OutputLines, Is.EqualTo(new[] { "markets" }));
    }

    [Test]
    public async Task The_suggest_directive_completes_known_candle_resolutions()
    {
        const string typed = "markets candles SOL-PERP --resolution ";
        var result = await Tool.RunAsync($"[suggest:{typed.Length}]", typed);

        Assert.That(result.OutputLines, Is.SupersetOf(new[] { "1m", "1h", "1d" }));
    }
}
