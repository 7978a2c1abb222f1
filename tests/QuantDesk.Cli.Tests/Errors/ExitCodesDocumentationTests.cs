using System.Globalization;
using QuantDesk.Cli.Errors;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Cli.Tests.Errors;

public sealed class ExitCodesDocumentationTests
{
    [Test]
    public void Every_exit_code_is_distinct()
    {
        var codes = ExitCodes.Documented.Select(entry => entry.Code).ToList();

        Assert.That(codes, Is.Unique);
        Assert.That(codes, Is.EquivalentTo(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 130 }));
    }

    [Test]
    public async Task The_help_lists_every_exit_code_with_its_meaning()
    {
        var result = await Tool.RunAsync("--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Usage:\n  quantdesk [command] [options]").And.Contain("Exit codes:"));
        foreach (var (code, meaning) in ExitCodes.Documented)
        {
            Assert.That(result.OutputLines, Has.Member(string.Create(CultureInfo.InvariantCulture, $"{code,-5}{meaning}").TrimEnd()));
        }
    }

    [Test]
    public async Task Command_help_shows_the_commands_options()
    {
        var result = await Tool.RunAsync("runs", "submit", "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("quantdesk runs submit [options]"));
        foreach (var option in new[] { "--dataset <ID>", "--strategy <FILE.json>", "--fees <BPS>", "--slippage <BPS>", "--no-funding", "--wait", "--poll-interval", "--timeout", "--sandbox", "--base-url", "--token", "--json" })
        {
            Assert.That(result.Output, Does.Contain(option));
        }
    }

    [Test]
    public void The_tools_readme_documents_exactly_the_exit_codes_the_tool_has()
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf("src/QuantDesk.Cli/README.md"));
        var documented = System.Text.RegularExpressions.Regex.Matches(text, @"^\| `(\d+)` \| \S", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

        Assert.That(documented, Is.EqualTo(ExitCodes.Documented.Select(entry => entry.Code)), "one README row per exit code, in order, and none the tool does not have");
    }
}
