using System.Net;
using System.Net.Http.Headers;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Resilience;

/// <summary>The resilience pipeline keeps time by the options' clock, so a fake one moves its pauses as well.</summary>
public sealed class PipelineClockTests
{
    // Ten minutes by the wall clock would run past the clock's "does not hang" bound: the pause must be on the fake one.
    [Test]
    public async Task A_retry_pause_runs_on_the_options_clock()
    {
        var clock = new SteppedClock();
        var answers = new AnswersInTurn(clock, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var fixture = new ClientFixture(
            options =>
            {
                options.TimeProvider = clock;
                options.TotalTimeout = TimeSpan.FromHours(1);

                // Longer than the clock is ever moved: the pause is the only timer that can fire.
                options.AttemptTimeout = TimeSpan.FromHours(1);
                options.Retry.BaseDelay = TimeSpan.FromMinutes(10);
                options.Retry.MaxDelay = TimeSpan.FromMinutes(10);
                options.Retry.UseJitter = false;
            },
            builder => builder.AddHttpMessageHandler(() => answers));

        var run = await clock.RunAsync(fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

        Assert.Multiple(() =>
        {
            Assert.That(run.Data.RunId, Is.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(answers.Times, Has.Count.EqualTo(2));
            Assert.That(answers.Times[1] - answers.Times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)));
        });
    }

    // Answers from memory, one status after the other: the first attempt fails at once, so the pause starts at once.
    private sealed class AnswersInTurn(TimeProvider clock, params HttpStatusCode[] statuses) : DelegatingHandler
    {
        public List<DateTimeOffset> Times { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Times.Add(clock.GetUtcNow());
            var status = statuses[Math.Min(Times.Count - 1, statuses.Length - 1)];
            var body = status == HttpStatusCode.OK
                ? QuantDeskSandbox.ExampleRunBody(QuantDeskSandbox.ExampleRunId).ToJsonString()
                : QuantDeskSandbox.ErrorBody("UNAVAILABLE", "Try again.", "req_turn").ToJsonString();
            var answer = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body) };
            answer.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(answer);
        }
    }
}
