using System.Text.Json.Serialization;

namespace QuantDesk.Client;

/// <summary>A referrer to check. Nothing reaches the API when <see cref="ReferrerAddress"/> is blank.</summary>
public partial class ValidateReferralRequest : IJsonOnSerializing
{
    void IJsonOnSerializing.OnSerializing()
    {
        if (string.IsNullOrWhiteSpace(ReferrerAddress))
        {
            throw new ArgumentException("ValidateReferralRequest.ReferrerAddress is required: the candidate referrer's wallet public key.", "request");
        }
    }
}
