using System.Text.Json;
using QuantDesk.Client.Testing;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Models;

public sealed class BacktestRunStatusTests
{
    [TestCase("queued")]
    [TestCase("QUEUED")]
    [TestCase("Pending")]
    [TestCase("running")]
    public void Queued_pending_and_running_are_in_progress_whatever_the_case(string value) =>
        Assert.That(new BacktestRunStatus(value).IsInProgress, Is.True);

    [TestCase("completed", true)]
    [TestCase("Completed", true)]
    [TestCase("failed", false)]
    [TestCase("cancelled_by_risk", false)]
    public void Anything_else_is_final_and_only_completed_is_a_success(string value, bool completed)
    {
        var status = new BacktestRunStatus(value);

        Assert.That(status.IsInProgress, Is.False);
        Assert.That(status.IsCompleted, Is.EqualTo(completed));
    }

    [Test]
    public void Compares_case_insensitively_with_equal_hash_codes_and_keeps_the_spelling()
    {
        var upper = new BacktestRunStatus("COMPLETED");

        Assert.That(upper, Is.EqualTo(BacktestRunStatus.Completed));
        Assert.That(upper == BacktestRunStatus.Completed, Is.True);
        Assert.That(upper != BacktestRunStatus.Queued, Is.True);
        Assert.That(upper.GetHashCode(), Is.EqualTo(BacktestRunStatus.Completed.GetHashCode()));
        Assert.That(upper.ToString(), Is.EqualTo("COMPLETED"));
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Keeps_a_blank_value_as_sent_and_equal_to_the_default_only_when_empty(string value)
    {
        var status = new BacktestRunStatus(value);

        Assert.That((status.ToString(), status == default, status.IsInProgress, status.IsKnown), Is.EqualTo((value, value.Length == 0, false, false)));
    }

    [Test]
    public void Refuses_null() => Assert.Throws<ArgumentNullException>(() => _ = new BacktestRunStatus(null!));

    [Test]
    public void A_default_status_is_empty_and_neither_in_progress_nor_completed()
    {
        var status = default(BacktestRunStatus);

        Assert.That(status.ToString(), Is.Empty);
        Assert.That(status.IsInProgress || status.IsCompleted, Is.False);
    }

    [Test]
    public async Task An_unknown_status_from_the_API_round_trips_unchanged()
    {
        using var fixture = new ClientFixture();
        var body = QuantDeskSandbox.ExampleRunBody("odd-run");
        body["data"]!["status"] = "Halted_By_Circuit-Breaker";
        fixture.Sandbox.ServeRun("odd-run", body);

        var run = (await fixture.Client.GetBacktestRunAsync("odd-run")).Data;

        Assert.That(run.Status.ToString(), Is.EqualTo("Halted_By_Circuit-Breaker"));
        Assert.That(JsonSerializer.Serialize(run.Status), Is.EqualTo("\"Halted_By_Circuit-Breaker\""));
    }

    [TestCase("3")]
    [TestCase("{}")]
    public void A_status_that_is_not_a_string_is_an_unusable_body(string status)
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.ServeRun("bad-status", System.Text.Json.Nodes.JsonNode.Parse($$$"""{"success":true,"data":{"run_id":"bad-status","status":{{{status}}}}}""")!.AsObject());

        var exception = Assert.ThrowsAsync<QuantDeskApiException>(() => fixture.Client.GetBacktestRunAsync("bad-status"));

        Assert.That(exception!.InnerException, Is.InstanceOf<JsonException>());
        Assert.That(exception.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_null_status_reads_as_the_empty_status_like_an_absent_one()
    {
        using var fixture = new ClientFixture();
        fixture.Sandbox.ServeRun("null-status", System.Text.Json.Nodes.JsonNode.Parse("""{"success":true,"data":{"run_id":"null-status","status":null}}""")!.AsObject());

        var run = (await fixture.Client.GetBacktestRunAsync("null-status")).Data;

        Assert.That((run.Status == default, run.Status.IsInProgress, run.Status.IsCompleted), Is.EqualTo((true, false, false)));
    }
}
