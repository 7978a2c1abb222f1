using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Social;

/// <summary><c>quantdesk flex publish --run ID --title TEXT [--description TEXT]</c> and <c>quantdesk flex get ID</c>.</summary>
internal static class FlexCommand
{
    public static Command Create(CommandRunner runner) =>
        new("flex", "Verified flex cards: publish a backtest run's card, read one.") { Publish(runner), Get(runner) };

    private static Command Publish(CommandRunner runner)
    {
        var run = new Option<string>("--run") { Description = "The backtest run the card shows (see 'runs submit').", HelpName = "ID", Required = true };
        var title = new Option<string>("--title") { Description = $"The card's title, at most {PublishFlexCardRequest.MaxTitleLength} characters.", HelpName = "text", Required = true };
        var description = new Option<string?>("--description") { Description = "A longer text under the title.", HelpName = "text" };
        var publish = new Command("publish", "Publish a flex card for a backtest run; prints the card with its id. Needs a token.") { run, title, description };
        runner.SetAction(publish, async (invocation, cancellationToken) =>
        {
            var parsed = invocation.ParseResult;
            var request = new PublishFlexCardRequest
            {
                RunId = Required(parsed.GetRequiredValue(run), "--run", "give the id of a backtest run"),
                Title = Title(parsed.GetRequiredValue(title)),
                Description = parsed.GetValue(description),
            };
            return invocation.Show((await invocation.Api.Social.PublishFlexCardAsync(request, cancellationToken).ConfigureAwait(false)).Data, SocialViews.FlexCard);
        }, needsToken: true);
        return publish;
    }

    private static Command Get(CommandRunner runner)
    {
        var id = TextArgument.Create("ID", "The flex card id, for example fc_9x2k1 (see 'leaderboard list').");
        var get = new Command("get", "Show a flex card: its run, title, description and badges.") { id };
        runner.SetAction(get, async (invocation, cancellationToken) =>
        {
            return invocation.Show((await invocation.Api.Social.GetFlexCardAsync(invocation.ParseResult.GetRequiredValue(id).Trim(), cancellationToken).ConfigureAwait(false)).Data, SocialViews.FlexCard);
        });
        return get;
    }

    private static string Required(string value, string option, string hint) =>
        string.IsNullOrWhiteSpace(value) ? throw new CliInputException($"{option} must not be blank: {hint}.") : value.Trim();

    // Counted in code points, as the API's maxLength counts them, so an emoji is one character.
    private static string Title(string value)
    {
        var title = Required(value, "--title", "give the card a title");
        var length = title.EnumerateRunes().Count();
        return length > PublishFlexCardRequest.MaxTitleLength
            ? throw new CliInputException($"--title has {length} characters; a flex card's title has at most {PublishFlexCardRequest.MaxTitleLength}.")
            : title;
    }
}
