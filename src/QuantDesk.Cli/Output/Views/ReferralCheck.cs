using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>A referral check with the referrer it was asked about.</summary>
internal sealed record ReferralCheck(string ReferrerAddress, ReferralValidation Validation);
