using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Reliability;

public sealed class FaultMatrixTests
{
    private const string Document = "docs/reliability.md";

    public static IEnumerable<TestCaseData> Faults() =>
        FaultCases.All.Select(fault => new TestCaseData(fault).SetName("Each_fault_ends_in_its_documented_outcome." + fault.Name));

    /// <summary>One untimed call first, so that no row's time bounds include the JIT compiling the client.</summary>
    [OneTimeSetUp]
    public async Task WarmUp()
    {
        using var fixture = new ClientFixture();
        await fixture.Client.GetBacktestRunAsync(QuantDeskSandbox.ExampleRunId);
    }

    [TestCaseSource(nameof(Faults))]
    public async Task Each_fault_ends_in_its_documented_outcome(FaultCase fault)
    {
        using var server = fault.Start();
        var attempts = new StrongBox<int>();
        using var fixture = new ClientFixture(
            options =>
            {
                options.BaseAddress = server.BaseAddress;
                fault.Configure?.Invoke(options);
            },
            http => http.AddHttpMessageHandler(() => ObservingHandler.CountingInto(attempts)));

        var stopwatch = Stopwatch.StartNew();
        Exception? caught = null;
        try
        {
            var response = await fixture.Client.GetBacktestRunAsync(FaultCases.RunId);
            Assert.That(response.Data.RunId, Is.EqualTo(FaultCases.RunId));
        }
        catch (Exception exception)
        {
            caught = exception;
        }

        stopwatch.Stop();
        TestContext.Out.WriteLine($"{fault.Name}: {caught?.GetType().Name ?? "result"}, {attempts.Value} attempt(s), {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(caught?.GetType(), Is.EqualTo(fault.Expected), caught?.ToString());
            Assert.That((caught as QuantDeskException)?.StatusCode, Is.EqualTo(fault.StatusCode), "status code");
            Assert.That(attempts.Value, Is.EqualTo(fault.Attempts), "attempts the client sent");
            if (server.Requests is { } seen)
            {
                Assert.That(seen, Is.EqualTo(fault.Attempts), "attempts the server saw");
            }

            Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(fault.Elapsed.Min).And.LessThan(fault.Elapsed.Max), "elapsed");
            foreach (var detail in fault.Details)
            {
                Assert.That(detail.Holds(caught), Is.True, detail.Note);
            }
        });
    }

    [Test]
    public void Every_fault_has_its_own_test_case_with_a_unique_name() =>
        Assert.That(FaultCases.All.Select(fault => fault.Name), Is.Unique);

    [Test]
    public void Every_status_the_readme_says_is_retried_has_a_fault_case_that_retries_it()
    {
        var sentence = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Support.RepositoryFiles.PathOf("README.md")), @"Retried: ((?:\d{3}, )+\d{3})");
        var promised = sentence.Groups[1].Value.Split(", ").Select(int.Parse).ToList();

        Assert.That(promised, Has.Count.GreaterThanOrEqualTo(6), "README's list of retried statuses");
        foreach (var status in promised)
        {
            Assert.That(FaultCases.All.Where(fault => fault.Fault.StartsWith(status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal) && fault.Attempts > 1), Is.Not.Empty, $"a fault case that retries {status}");
        }
    }

    [Test]
    public void The_reliability_document_shows_the_fault_matrix_the_tests_assert() =>
        RepositoryFiles.AssertGenerated(Document, Render());

    private static string Render()
    {
        var table = new StringBuilder();
        table.Append("""
            # Reliability: what each fault ends in

            <!-- Generated from tests/QuantDesk.Client.Tests/Reliability/FaultCases.cs; every row is asserted by
                 FaultMatrixTests over real loopback sockets. Rewrite with QUANTDESK_UPDATE_DOCS=1 dotnet test. -->

            Every call ends in a result or in one of the typed exceptions below, each carrying the status code and
            request id when the API gave them. Unless a row says otherwise the client runs with its defaults except for
            short retry delays: `Retry.MaxRetryAttempts` 3 (so at most 4 attempts), `Retry.BaseDelay` 5 ms,
            `Retry.MaxDelay` 50 ms, `AttemptTimeout` 10 s, `TotalTimeout` 60 s. Attempts are counted both by the
            client and, where the fault lets it count, by the server. Times are the bounds the tests assert.

            | Fault | Outcome | Attempts | Time | Also asserted |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var fault in FaultCases.All)
        {
            table.Append($"| {fault.Fault} | {fault.Outcome} | {fault.Attempts} | {fault.Elapsed} | {string.Join("; ", fault.Details.Select(detail => detail.Note))} |\n");
        }

        table.Append("""

            Beyond the table, each over real loopback sockets:

            - `Security/HostileServerTests`: 3,000 seeded hostile answers (status lines, reason phrases, `Retry-After`,
              `Date`, `Location`, `X-Request-ID`, `Content-Type`, `Content-Encoding` and `Content-Length` values, over
              hostile and valid bodies) against all five calls, waits included. Each ends in a result or a
              `QuantDeskException` with no server-sent control character in its message, within 30 s (no call hangs).
            - `Http/RedirectTests`: the redirect rules with two servers, asserting which server saw which request and
              which `Authorization` header.
            - `Concurrency/CancellationRaceTests`: 600 calls whose cancellation races the attempt or the total timeout;
              each ends as an `OperationCanceledException` with the caller's token or a `QuantDeskTimeoutException`,
              with no Polly type anywhere in it.
            - `Authentication/TokenProviderTests`: a provider that never returns is ended by `TotalTimeout` or the
              caller's token; a token an HTTP header cannot carry fails before anything is sent.
            - `Http/ResponseMemoryTests`: 20 answers that declare 4 MiB and send nothing allocate a few KiB, not 80 MiB.

            """);
        return table.ToString();
    }
}
