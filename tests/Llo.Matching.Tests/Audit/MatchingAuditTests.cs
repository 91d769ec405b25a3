using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Llo.Testing;
using Npgsql;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Audit;

/// <summary>
/// Every read and write of a worker's twin, every match run and every coach's decision leaves an audit entry in the
/// matching outbox (for the identity service's log): ids, codes and the scoring version, never a name or free text.
/// </summary>
public sealed class MatchingAuditTests(MatchingAuditTests.Region region) : IClassFixture<MatchingAuditTests.Region>
{
    /// <summary>A restaurant with a cook's job, so a cook's twin has job matches.</summary>
    public sealed class Region : MatchingHost, IAsyncLifetime
    {
        public string CookJobId { get; private set; } = "";

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var hr = JsonAs(Hr(TestOrganisations.One));
            var restaurant = await PostAsync(hr, "/employers", Employer("Restaurant Audit", "hospitality", "Vlaardingen"));
            CookJobId = (await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("kok", "Vlaardingen"))).Id();
        }
    }

    private const string Reason = "Past goed bij het team";

    private readonly Guid _coachId = Guid.NewGuid();

    private HttpClient AsCoach => region.JsonAs(Coach(_coachId));

    /// <summary>A cook's twin of this test's coach, linked to a new account; its id and user id.</summary>
    private async Task<(string Id, Guid UserId)> CookAsync()
    {
        var userId = Guid.NewGuid();
        var id = (await PostAsync(AsCoach, "/workers", Worker(Essential("kok"), userId: userId.ToString(), municipality: "Vlaardingen",
            sectors: ["hospitality"]))).Id();
        return (id, userId);
    }

    [Fact]
    public async Task Create_read_job_matches_and_a_decision_record_ids_and_the_scoring_version_but_no_name_or_reason()
    {
        var (id, userId) = await CookAsync();

        await GetAsync(AsCoach, $"/workers/{id}");
        var run = await GetAsync(AsCoach, $"/workers/{id}/jobMatches?pageSize=5");
        var matchId = run.GetProperty("matches")[0].GetProperty("matchId").GetString()!;
        await PostAsync(AsCoach, $"/matches/{matchId}:decide", new { decision = "MATCH_STATUS_REJECTED", reason = Reason, version = 1 });
        var entries = await EntriesAsync($"worker/{id}");

        Assert.Equal(["create", "read", "match-run", "decision"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["worker", "worker", "match-run", "match"], entries.Select(e => e.GetProperty("resourceType").GetString()));
        Assert.All(entries, e => Assert.Equal([$"worker/{id}", userId.ToString()], e.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString())));
        Assert.All(entries, e => Assert.Equal(_coachId.ToString(), e.GetProperty("actor").GetString()));
        Assert.All(entries, e => Assert.Equal("matching", e.GetProperty("service").GetString()));
        Assert.Equal(id, entries[0].GetProperty("resourceId").GetString());
        Assert.Equal(id, entries[1].GetProperty("resourceId").GetString());

        var runEntry = entries[2];
        var runDetails = runEntry.GetProperty("details");
        Assert.Equal(run.GetProperty("runId").GetString(), runEntry.GetProperty("resourceId").GetString());
        Assert.Equal("job-matches", runDetails.GetProperty("kind").GetString());
        Assert.Equal(id, runDetails.GetProperty("workerId").GetString());
        Assert.Equal(run.GetProperty("scoringVersion").GetString(), runDetails.GetProperty("scoringVersion").GetString());
        Assert.Equal("hand-v1", runDetails.GetProperty("scoringVersion").GetString());
        Assert.Equal(run.GetProperty("matches").GetArrayLength().ToString(), runDetails.GetProperty("results").GetString());
        Assert.Equal(run.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("matchId").GetString()),
            runDetails.GetProperty("resultIds").GetString()!.Split('/'));

        var decision = entries[3];
        var decisionDetails = decision.GetProperty("details");
        Assert.Equal(matchId, decision.GetProperty("resourceId").GetString());
        Assert.Equal("rejected", decisionDetails.GetProperty("status").GetString());
        Assert.Equal(region.CookJobId, decisionDetails.GetProperty("jobId").GetString());
        Assert.Equal("hand-v1", decisionDetails.GetProperty("scoringVersion").GetString());

        Assert.All(entries, e => Assert.DoesNotContain("@", e.GetRawText()));
        Assert.All(entries, e => Assert.DoesNotContain("Testwerkende", e.GetRawText(), StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, e => Assert.DoesNotContain(Reason, e.GetRawText(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_change_the_history_the_list_and_a_candidates_run_each_record_the_twin()
    {
        var (id, _) = await CookAsync();

        using var changed = await PatchAsync(AsCoach, $"/workers/{id}?version=1&updateMask=capacity",
            new { capacity = new { hoursPerWeek = 24, physicalLoad = "LOAD_LEVEL_LIGHT" } });
        await GetAsync(AsCoach, $"/workers/{id}/history");
        await GetAsync(AsCoach, "/workers?pageSize=100");
        var candidates = await GetAsync(AsCoach, $"/jobs/{region.CookJobId}/candidates");
        var entries = await EntriesAsync($"worker/{id}");

        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        Assert.Contains(candidates.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("workerId").GetString() == id);
        Assert.Equal(["create", "update", "read", "read", "match-run"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("history", entries[2].GetProperty("details").GetProperty("view").GetString());
        Assert.Equal(JsonValueKind.Null, entries[3].GetProperty("resourceId").ValueKind); // the list: one entry for the page
        var run = entries[4];
        Assert.Equal(candidates.GetProperty("runId").GetString(), run.GetProperty("resourceId").GetString());
        Assert.Equal("candidates", run.GetProperty("details").GetProperty("kind").GetString());
        Assert.Equal(region.CookJobId, run.GetProperty("details").GetProperty("jobId").GetString());
        Assert.All(entries, e => Assert.DoesNotContain("Testwerkende", e.GetRawText(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task When_the_entry_cannot_be_written_reading_a_twin_answers_503_and_shows_nothing()
    {
        var (id, _) = await CookAsync();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = region.Database.Name }.ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync("ALTER TABLE messaging_outbox ADD CONSTRAINT audit_refused CHECK (type <> 'audit.recorded') NOT VALID");
        HttpResponseMessage refused;
        HttpResponseMessage refusedRun;
        try
        {
            refused = await AsCoach.GetAsync($"{ApiRoot}/workers/{id}");
            refusedRun = await AsCoach.GetAsync($"{ApiRoot}/workers/{id}/jobMatches");
        }
        finally
        {
            await admin.ExecuteAsync("ALTER TABLE messaging_outbox DROP CONSTRAINT audit_refused");
        }

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain("Testwerkende", body);
        Assert.Contains("auditlogboek", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedRun.StatusCode);
        Assert.Equal(["create"], (await EntriesAsync($"worker/{id}")).Select(e => e.GetProperty("action").GetString()));
    }

    /// <summary>The audit entries in the outbox that name <paramref name="subject"/>, oldest first.</summary>
    private async Task<List<JsonElement>> EntriesAsync(string subject)
    {
        await using var connection = await region.Database.DataSource.OpenConnectionAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM messaging_outbox WHERE type = 'audit.recorded' AND payload -> 'subjectIds' @> jsonb_build_array(@subject::text) " +
            "ORDER BY position", new { subject });
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }
}
