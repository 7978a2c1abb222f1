using System.Globalization;
using QuantDesk.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace QuantDesk.Client.Tests.Clients;

public sealed class LeaderboardPagingTests
{
    private const string LeaderboardPath = "/api/v2/leaderboard";

    private ClientFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ClientFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task Reads_every_row_page_by_page_until_a_short_page()
    {
        _fixture.Sandbox.WithLeaderboard(Rows(25));

        var rows = await ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync(pageSize: 10));

        Assert.That(rows.Select(row => row.Leader), Is.EqualTo(Rows(25).Select(row => row.Leader)));
        Assert.That(Queries(), Is.EqualTo(new[] { "limit=10&offset=0", "limit=10&offset=10", "limit=10&offset=20" }));
    }

    [Test]
    public async Task An_exactly_full_last_page_costs_one_more_request_that_comes_back_empty()
    {
        _fixture.Sandbox.WithLeaderboard(Rows(20));

        var rows = await ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync(pageSize: 10));

        Assert.That(rows, Has.Count.EqualTo(20));
        Assert.That(Queries(), Is.EqualTo(new[] { "limit=10&offset=0", "limit=10&offset=10", "limit=10&offset=20" }));
    }

    [Test]
    public async Task Without_a_page_size_pages_are_the_contract_default_of_ten()
    {
        _fixture.Sandbox.WithLeaderboard(Rows(3));

        var rows = await ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync());

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(Queries(), Is.EqualTo(new[] { "limit=10&offset=0" }));
    }

    [Test]
    public async Task The_offset_moves_by_the_rows_received_when_the_server_sends_more_than_asked()
    {
        Answer(offset: 0, Rows(12));
        Answer(offset: 12, Rows(15).Skip(12));

        var rows = await ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync(pageSize: 10));

        Assert.That(rows.Select(row => row.Leader), Is.EqualTo(Rows(15).Select(row => row.Leader)));
        Assert.That(Queries(), Is.EqualTo(new[] { "limit=10&offset=0", "limit=10&offset=12" }));
    }

    [TestCase(false, TestName = "Cancelling through the parameter between pages stops without another request")]
    [TestCase(true, TestName = "Cancelling through WithCancellation between pages stops without another request")]
    public void Cancelling_between_pages_stops_without_another_request(bool withCancellation)
    {
        _fixture.Sandbox.WithLeaderboard(Rows(25));
        using var cancellation = new CancellationTokenSource();
        var rows = withCancellation
            ? _fixture.Api.Social.GetLeaderboardRowsAsync(10).WithCancellation(cancellation.Token)
            : _fixture.Api.Social.GetLeaderboardRowsAsync(10, cancellation.Token).WithCancellation(CancellationToken.None);
        var seen = new List<LeaderboardRow>();

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (var row in rows)
            {
                seen.Add(row);
                if (seen.Count == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.That(seen, Has.Count.EqualTo(10));
        Assert.That(Queries(), Is.EqualTo(new[] { "limit=10&offset=0" }));
    }

    [Test]
    public void A_token_cancelled_before_the_first_page_sends_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync(10, cancellation.Token)));
        Assert.That(_fixture.Sandbox.Server.LogEntries, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void A_page_size_that_is_not_positive_is_refused_before_any_request(int pageSize)
    {
        var error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ReadAllAsync(_fixture.Api.Social.GetLeaderboardRowsAsync(pageSize)));

        Assert.That(error!.ParamName, Is.EqualTo("pageSize"));
        Assert.That(_fixture.Sandbox.Server.LogEntries, Is.Empty);
    }

    private static LeaderboardRow[] Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(rank => QuantDeskModelFactory.LeaderboardRow(string.Create(CultureInfo.InvariantCulture, $"leader-{rank:D2}"), 1000m - rank))];

    private static async Task<List<LeaderboardRow>> ReadAllAsync(IAsyncEnumerable<LeaderboardRow> rows)
    {
        var all = new List<LeaderboardRow>();
        await foreach (var row in rows)
        {
            all.Add(row);
        }

        return all;
    }

    private void Answer(int offset, IEnumerable<LeaderboardRow> rows)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new LeaderboardResponse { Success = true, Data = [.. rows] });
        _fixture.Sandbox.Server
            .Given(Request.Create().UsingGet().WithPath(LeaderboardPath).WithParam("offset", offset.ToString(CultureInfo.InvariantCulture)))
            .AtPriority(0)
            .RespondWith(Responses.Json(200, body));
    }

    private List<string> Queries() =>
        [.. _fixture.Sandbox.Server.LogEntries
            .Select(entry => entry.RequestMessage!)
            .OrderBy(request => request.DateTime)
            .Select(request => (request.Path, Query: request.RawQuery?.TrimStart('?') ?? string.Empty))
            .Select(request => request.Path == LeaderboardPath ? request.Query : request.Path)];

    [Test]
    public async Task A_server_that_ignores_offset_ends_the_walk_with_a_typed_error_instead_of_running_forever()
    {
        var page = System.Text.Json.JsonSerializer.Serialize(new { success = true, data = Enumerable.Range(1, 10).Select(rank => new { leader = $"leader-{rank}", total_pnl = 100 - rank }) });
        _fixture.Sandbox.Server.Given(Request.Create().UsingGet().WithPath("/api/v2/leaderboard")).AtPriority(1).RespondWith(Responses.Json(200, page));
        var seen = 0;

        var error = Assert.CatchAsync<QuantDeskApiException>(async () =>
        {
            await foreach (var _ in _fixture.Api.Social.GetLeaderboardRowsAsync(pageSize: 10))
            {
                seen++;
            }
        });

        Assert.That(error!.Message, Does.Contain("ignores offset"));
        Assert.That((seen, _fixture.Sandbox.ReceivedRequests.Count), Is.EqualTo((10, 2)));
    }
}
