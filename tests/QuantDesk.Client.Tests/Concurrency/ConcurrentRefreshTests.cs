using System.Text;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Concurrency;

public sealed class ConcurrentRefreshTests
{
    private const int Calls = 1000;

    [Test]
    public async Task A_thousand_concurrent_calls_that_all_meet_an_expired_token_cause_exactly_one_refresh()
    {
        int withOld = 0, withNew = 0, issued = 0, refreshes = 0;
        var everyCallHoldsTheOldToken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = "expired-token";
        var runBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ExampleRunBody().ToJsonString());
        var errorBody = Encoding.UTF8.GetBytes(QuantDeskSandbox.ErrorBody("TOKEN_EXPIRED", "Token expired.").ToJsonString());
        using var server = new LoopbackHttpServer(request =>
        {
            if (request.HasHeader("Authorization: Bearer fresh-token"))
            {
                Interlocked.Increment(ref withNew);
                return new LoopbackAnswer(200, "application/json", runBody);
            }

            Interlocked.Increment(ref withOld);
            return new LoopbackAnswer(401, "application/json", errorBody);
        });
        var client = new BacktestClient(new QuantDeskClientOptions
        {
            BaseAddress = server.BaseAddress,
            SendAccessTokenOnEveryCall = true,
            AccessTokenProvider = async (request, cancellationToken) =>
            {
                if (request.ForceRefresh)
                {
                    Interlocked.Increment(ref refreshes);
                    await Task.Delay(50, cancellationToken);
                    Volatile.Write(ref current, "fresh-token");
                    return "fresh-token";
                }

                var token = Volatile.Read(ref current);
                if (Interlocked.Increment(ref issued) == Calls)
                {
                    everyCallHoldsTheOldToken.SetResult();
                }

                // No call is sent before all of them hold the expired token, so every one of them meets the 401.
                await everyCallHoldsTheOldToken.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                return token;
            },
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId))))
            .WaitAsync(TimeSpan.FromSeconds(90));

        TestContext.Out.WriteLine($"{Calls} concurrent calls: {refreshes} refresh(es), {withOld} requests with the expired token, {withNew} with the fresh one");
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(response => response.Data.RunId), Is.All.EqualTo(QuantDeskSandbox.ExampleRunId));
            Assert.That(refreshes, Is.EqualTo(1));
            Assert.That(withOld, Is.EqualTo(Calls));
            Assert.That(withNew, Is.EqualTo(Calls));
        });
    }
}
