using System.CommandLine;
using QuantDesk.Cli.Errors;
using QuantDesk.Cli.Output.Views;
using QuantDesk.Client;

namespace QuantDesk.Cli.Commands.Referrals;

/// <summary><c>quantdesk referrals validate ADDRESS</c>: whether a referrer would close a referral loop.</summary>
internal static class ReferralsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var address = TextArgument.Create("ADDRESS", "The candidate referrer's wallet public key.");
        var validate = new Command("validate", "Check a referrer before using it on-chain: rejected when it would close a loop. Needs a token.") { address };
        runner.SetAction(validate, async (invocation, cancellationToken) =>
        {
            var referrer = invocation.ParseResult.GetRequiredValue(address).Trim();
            var validation = (await invocation.Api.Referrals.ValidateReferralAsync(new ValidateReferralRequest { ReferrerAddress = referrer }, cancellationToken).ConfigureAwait(false)).Data;
            return invocation.Show(new ReferralCheck(referrer, validation), SocialViews.Referral);
        }, needsToken: true);

        return new Command("referrals", "Referrals.") { validate };
    }
}
