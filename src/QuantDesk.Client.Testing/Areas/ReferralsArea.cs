using System.Text.Json;
using QuantDesk.Client.Testing.Routing;

namespace QuantDesk.Client.Testing.Areas;

/// <summary>Referrals: the referrer addresses that would close a loop; any other is safe.</summary>
internal sealed class ReferralsArea : SandboxArea
{
    private readonly HashSet<string> _loops = new(StringComparer.Ordinal);

    public ReferralsArea()
    {
        Answers = new Dictionary<string, Func<SandboxCall, SandboxAnswer>>
        {
            ["validateReferral"] = Validate,
        };
    }

    public override IReadOnlyDictionary<string, Func<SandboxCall, SandboxAnswer>> Answers { get; }

    public void AddLoop(string referrerAddress) => _loops.Add(referrerAddress);

    private SandboxAnswer Validate(SandboxCall call)
    {
        var request = call.Body.Deserialize(SandboxJsonContext.Default.ValidateReferralRequest)!;
        var result = new ReferralValidationResponse { Success = true, Data = new ReferralValidation { IsLoop = _loops.Contains(request.ReferrerAddress) } };
        return SandboxAnswer.Of(200, result, SandboxJsonContext.Default.ReferralValidationResponse);
    }
}
