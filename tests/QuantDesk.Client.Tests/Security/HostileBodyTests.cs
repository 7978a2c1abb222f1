using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Security;

public sealed class HostileBodyTests
{
    private static readonly int[] Statuses = [200, 400, 404, 429, 500, 503];

    [Test]
    public async Task Random_and_hostile_bodies_end_only_in_a_result_or_the_documented_typed_exception()
    {
        var bodies = HostileBody.All().ToList();
        var cases = Statuses.SelectMany(status => bodies.Select(body => (Status: status, Body: body))).ToList();
        using var server = new LoopbackHttpServer(request =>
        {
            var (status, body) = cases[int.Parse(request.Target[(request.Target.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)];
            return new LoopbackAnswer(status, body.ContentType, body.Bytes);
        });
        var client = new BacktestClient(new QuantDeskClientOptions { BaseAddress = server.BaseAddress, Retry = { MaxRetryAttempts = 0 } });
        var outcomes = new ConcurrentDictionary<string, int>();
        var wrong = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, cancellationToken) =>
        {
            var (status, body) = cases[index];
            BacktestRunResponse? result = null;
            Exception? caught = null;
            try
            {
                result = await client.GetBacktestRunAsync($"body-{index}", cancellationToken);
            }
            catch (Exception exception)
            {
                caught = exception;
            }

            if (Judge(status, result, caught) is { } problem)
            {
                wrong.Enqueue($"{body.Name} with {status}: {problem}");
            }

            outcomes.AddOrUpdate($"{status} → {caught?.GetType().Name ?? "result"}", 1, (_, count) => count + 1);
        });

        TestContext.Out.WriteLine($"{bodies.Count} bodies × {Statuses.Length} statuses = {cases.Count} responses:");
        foreach (var (outcome, count) in outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  {outcome}: {count}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty, string.Join(Environment.NewLine, wrong.Take(20)));
            Assert.That(server.Requests, Is.EqualTo(cases.Count));
            Assert.That(outcomes.Keys, Does.Contain("200 → result"), "valid bodies among them still give results");
        });
    }

    /// <summary>Null when the outcome is one the client documents for the status; otherwise what is wrong with it.</summary>
    private static string? Judge(int status, BacktestRunResponse? result, Exception? caught)
    {
        if (caught is null)
        {
            // The contract requires data but no field of the run: a run without id or status is a result.
            return status == 200 && result?.Data is not null ? null : $"a result for {status} without data";
        }

        // Reading what the exception says must not fail either.
        _ = caught.Message + caught;
        var expected = status switch
        {
            404 => typeof(QuantDeskNotFoundException),
            429 => typeof(QuantDeskRateLimitException),
            _ => typeof(QuantDeskApiException),
        };
        if (caught.GetType() != expected)
        {
            return $"{caught.GetType().Name} instead of {expected.Name}: {caught.Message}";
        }

        if (((QuantDeskException)caught).StatusCode != status)
        {
            return $"status {((QuantDeskException)caught).StatusCode} instead of {status}";
        }

        return status == 200 && caught.InnerException is not JsonException ? "an unusable 200 without a JsonException inside" : null;
    }
}
