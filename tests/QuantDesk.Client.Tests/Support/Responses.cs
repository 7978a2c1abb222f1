using QuantDesk.Client.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace QuantDesk.Client.Tests.Support;

/// <summary>Short ways to make the sandbox answer a run request in a given way.</summary>
public static class Responses
{
    public const string RunPath = "/api/v2/backtest/runs/";

    public static IRequestBuilder GetRun(string runId) => Request.Create().UsingGet().WithPath(RunPath + runId);

    public static void AnswerRun(this WireMockServer server, string runId, IResponseBuilder response) =>
        server.Given(GetRun(runId)).AtPriority(0).RespondWith(response);

    /// <summary>Answers the run request with each response in turn, the last one for good.</summary>
    public static void AnswerRunInSequence(this WireMockServer server, string runId, params IResponseBuilder[] responses)
    {
        const string scenario = "sequence";
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = server.Given(GetRun(runId)).AtPriority(0).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static int RequestsTo(this WireMockServer server, string runId) =>
        server.LogEntries.Count(entry => entry.RequestMessage!.Path == RunPath + runId);

    /// <summary>Answers the run with 200 for the accepted Bearer token and 401 for any other or none.</summary>
    public static void AcceptOnlyToken(this WireMockServer server, string runId, string acceptedToken)
    {
        server.Given(GetRun(runId).WithHeader("Authorization", "Bearer " + acceptedToken))
            .AtPriority(0)
            .RespondWith(Json(200, QuantDeskSandbox.ExampleRunBody(runId).ToJsonString()));
        server.Given(GetRun(runId))
            .AtPriority(1)
            .RespondWith(Json(401, QuantDeskSandbox.ErrorBody("UNAUTHORIZED", "Token expired.", "req_401").ToJsonString()));
    }
}
