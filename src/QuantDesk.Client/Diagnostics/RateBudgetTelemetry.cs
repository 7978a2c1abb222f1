using QuantDesk.Client.Http;
using QuantDesk.Client.Resilience;

namespace QuantDesk.Client.Diagnostics;

/// <summary>How long attempts waited for the client-side rate budget, acquired or not (<see cref="ClientInstrumentation.RateBudgetWait"/>).</summary>
internal static class RateBudgetTelemetry
{
    public const string OutcomeTag = "quantdesk.rate_budget.outcome";

    public static void Waited(CallState? call, TimeSpan waited, bool acquired)
    {
        if (!ClientInstrumentation.RateBudgetWait.Enabled)
        {
            return;
        }

        var request = call?.Request;
        var tags = RequestTags.For(request, OperationRequest.OperationOf(request));
        tags.Add(OutcomeTag, acquired ? "acquired" : "rejected");
        ClientInstrumentation.RateBudgetWait.Record(Math.Max(0, waited.TotalSeconds), tags);
    }
}
