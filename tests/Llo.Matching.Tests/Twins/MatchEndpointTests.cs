using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Llo.Testing;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>
/// The match endpoints on real twins: every result explained (factors, matched and missing skills, the score after
/// closing each gap, training offers), the index kept current as twins change, and the coach's decision stored with
/// its event. A cook who lacks two of a cook's skills is the worker throughout.
/// </summary>
public sealed class MatchEndpointTests(MatchEndpointTests.Region region) : IClassFixture<MatchEndpointTests.Region>
{
    /// <summary>A small region: a restaurant (cook, kitchen porter, waiter), a port (forklift), one training, one cook.</summary>
    public sealed class Region : MatchingHost, IAsyncLifetime
    {
        public Guid CoachId { get; } = Guid.NewGuid();
        public Guid WorkerUserId { get; } = Guid.NewGuid();
        public string WorkerId { get; private set; } = "";
        public string CookJobId { get; private set; } = "";
        public string TrainingId { get; private set; } = "";
        public string[] Missing { get; private set; } = [];

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var hr = JsonAs(Hr(TestOrganisations.One));
            var restaurant = await PostAsync(hr, "/employers", Employer("Restaurant Test", "hospitality", "Vlaardingen"));
            CookJobId = (await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("kok", "Vlaardingen"))).Id();
            await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("medewerker keuken", "Vlaardingen", hours: 16));
            await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("ober/serveerster", "Vlaardingen", hours: 20));
            var port = await PostAsync(JsonAs(Hr(TestOrganisations.Two)), "/employers", Employer("Haven Test", "port", "Maassluis"));
            await PostAsync(JsonAs(Hr(TestOrganisations.Two)), $"/employers/{port.Id()}/jobs", Job("heftruckchauffeur", "Maassluis"));

            var cook = Essential("kok");
            Missing = cook[^2..];
            TrainingId = (await PostAsync(JsonAs(User(TestOrganisations.One, "partner-editor")), "/trainings", new
            {
                provider = "Horecaschool Test", title = "Koken deel 2", skillUris = new[] { Missing[0] }, durationHours = 80, place = "Schiedam",
            })).Id();
            WorkerId = (await PostAsync(JsonAs(Coach(CoachId)), "/workers", Worker(cook[..^2], hours: 32, userId: WorkerUserId.ToString(),
                municipality: "Vlaardingen", sectors: ["hospitality"], occupations: [Occupation("kok").Uri]))).Id();
        }
    }

    private HttpClient AsCoach => region.JsonAs(Coach(region.CoachId));

    private async Task<JsonElement> JobMatchesAsync() => await GetAsync(AsCoach, $"/workers/{region.WorkerId}/jobMatches?pageSize=5");

    [Fact]
    public async Task Job_matches_rank_the_cook_job_first_and_explain_factors_matched_and_missing_skills_gaps_and_trainings()
    {
        var answer = await JobMatchesAsync();

        var first = answer.GetProperty("matches")[0];
        Assert.Equal(region.CookJobId, first.GetProperty("job").GetProperty("jobId").GetString());
        Assert.Equal("hand-v1", answer.GetProperty("scoringVersion").GetString());
        var explanation = first.GetProperty("explanation");
        Assert.Equal(8, explanation.GetProperty("factors").GetArrayLength());
        var factors = explanation.GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal(explanation.GetProperty("score").GetDouble(), factors.Sum(f => f.GetProperty("contribution").GetDouble()), 2);
        Assert.Contains(explanation.GetProperty("matchedSkills").EnumerateArray(), m => m.GetProperty("note").GetString() == "Je hebt deze vaardigheid.");
        Assert.All(explanation.GetProperty("matchedSkills").EnumerateArray().Where(m => !m.GetProperty("direct").GetBoolean()),
            m => Assert.StartsWith("Lijkt op je ", m.GetProperty("note").GetString()));
        Assert.Equal(region.Missing.Order(), explanation.GetProperty("missingEssential").EnumerateArray().Select(s => s.GetProperty("uri").GetString()).Order());
        var gap = explanation.GetProperty("gapClosures").EnumerateArray().Single(g => g.GetProperty("skill").GetProperty("uri").GetString() == region.Missing[0]);
        Assert.True(gap.GetProperty("scoreAfter").GetDouble() > explanation.GetProperty("score").GetDouble());
        Assert.Equal(region.TrainingId, Assert.Single(gap.GetProperty("trainings").EnumerateArray()).GetProperty("trainingId").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("matchId").GetString()));
    }

    [Fact]
    public async Task Candidates_show_the_coach_their_worker_by_name_not_the_jobs_hr_manager_without_consent_and_refuse_another_organisation()
    {
        var byCoach = await GetAsync(AsCoach, $"/jobs/{region.CookJobId}/candidates");
        var byHr = await GetAsync(region.JsonAs(Hr(TestOrganisations.One)), $"/jobs/{region.CookJobId}/candidates");
        var stranger = await region.JsonAs(Hr(TestOrganisations.Two)).GetAsync($"{ApiRoot}/jobs/{region.CookJobId}/candidates");

        var candidate = Assert.Single(byCoach.GetProperty("candidates").EnumerateArray());
        Assert.Equal(region.WorkerId, candidate.GetProperty("workerId").GetString());
        Assert.Equal("Testwerkende", candidate.GetProperty("displayName").GetString());
        // The twin records no consent to share with employers (CandidateConsentTests has those who do).
        Assert.Empty(byHr.GetProperty("candidates").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var otherCoach = await GetAsync(region.JsonAs(Coach(Guid.NewGuid())), $"/jobs/{region.CookJobId}/candidates");
        Assert.Empty(otherCoach.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task Task_matches_carve_a_bundle_within_the_workers_hours_transitions_and_region_fit_answer_for_the_profile()
    {
        var tasks = await GetAsync(AsCoach, $"/workers/{region.WorkerId}/taskMatches");
        var transitions = await GetAsync(AsCoach, $"/workers/{region.WorkerId}/transitions");
        var fit = await GetAsync(region.JsonAs(WorkerUser(region.WorkerUserId)), $"/workers/{region.WorkerId}/regionFit");

        Assert.NotEmpty(tasks.GetProperty("tasks").EnumerateArray());
        Assert.InRange(tasks.GetProperty("hoursPerWeek").GetInt32(), 1, 32);
        Assert.All(tasks.GetProperty("tasks").EnumerateArray(), t => Assert.InRange(t.GetProperty("fit").GetDouble(), 0.5, 1.0));
        var found = transitions.GetProperty("transitions").EnumerateArray().ToList();
        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, t => t.GetProperty("occupation").GetProperty("uri").GetString() == Occupation("kok").Uri);
        Assert.All(found, t => Assert.Contains(t.GetProperty("level").GetString(), new[] { "viable", "highly-viable" }));
        Assert.Contains(fit.GetProperty("demand").EnumerateArray(),
            d => d.GetProperty("municipality").GetString() == "Vlaardingen" && d.GetProperty("sector").GetString() == "hospitality" && d.GetProperty("sectorLabel").GetString() == "Horeca");
    }

    [Fact]
    public async Task A_closed_job_leaves_the_matches_and_a_changed_twin_is_matched_as_changed()
    {
        var hr = region.JsonAs(Hr(TestOrganisations.One));
        var employer = await PostAsync(hr, "/employers", Employer("Tweede keuken", "hospitality", "Vlaardingen"));
        var job = await PostAsync(hr, $"/employers/{employer.Id()}/jobs", Job("kok", "Vlaardingen"));
        Assert.Contains((await JobMatchesAsync()).GetProperty("matches").EnumerateArray(), m => m.GetProperty("job").GetProperty("jobId").GetString() == job.Id());

        await SuccessAsync(await PatchAsync(hr, $"/jobs/{job.Id()}?version=1&updateMask=open", new { open = false }));

        Assert.DoesNotContain((await JobMatchesAsync()).GetProperty("matches").EnumerateArray(), m => m.GetProperty("job").GetProperty("jobId").GetString() == job.Id());
    }

    [Fact]
    public async Task The_coach_proposes_then_records_acceptance_the_worker_sees_why_and_a_decided_match_cannot_be_decided_again()
    {
        var matches = (await JobMatchesAsync()).GetProperty("matches");
        var (proposedId, rejectedId) = (matches[0].GetProperty("matchId").GetString()!, matches[1].GetProperty("matchId").GetString()!);
        var worker = region.JsonAs(WorkerUser(region.WorkerUserId));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{ApiRoot}/matches/{proposedId}")).StatusCode);

        var proposed = await PostAsync(AsCoach, $"/matches/{proposedId}:decide", new { decision = "MATCH_STATUS_PROPOSED", version = 1 });
        var seen = await GetAsync(worker, $"/workers/{region.WorkerId}/matches");
        var accepted = await PostAsync(AsCoach, $"/matches/{proposedId}:decide", new { decision = "MATCH_STATUS_ACCEPTED", reason = "Start op maandag" });
        var again = await AsCoach.PostAsJsonAsync($"{ApiRoot}/matches/{proposedId}:decide", new { decision = "MATCH_STATUS_REJECTED", reason = "toch niet" });
        var noReason = await ViolationsAsync(await AsCoach.PostAsJsonAsync($"{ApiRoot}/matches/{rejectedId}:decide", new { decision = "MATCH_STATUS_REJECTED" }));
        var byWorker = await worker.PostAsJsonAsync($"{ApiRoot}/matches/{rejectedId}:decide", new { decision = "MATCH_STATUS_PROPOSED" });

        Assert.Equal("MATCH_STATUS_PROPOSED", proposed.GetProperty("status").GetString());
        var visible = Assert.Single(seen.GetProperty("matches").EnumerateArray());
        Assert.Equal(proposedId, visible.Id());
        Assert.NotEmpty(visible.GetProperty("explanation").GetProperty("matchedSkills").EnumerateArray());
        Assert.Equal("MATCH_STATUS_ACCEPTED", accepted.GetProperty("status").GetString());
        Assert.Equal(3, accepted.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al besloten", await again.Content.ReadAsStringAsync());
        Assert.Contains("reden", noReason["reason"]);
        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal([("matching.match-proposed", 2L), ("matching.match-decided", 3L)], await OutboxAsync(region, proposedId));
    }

    [Fact]
    public async Task Each_job_match_run_is_stored_with_its_scoring_version_and_results()
    {
        var answer = await JobMatchesAsync();

        await using var connection = await region.Database.DataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT kind, scoring_version, taxonomy, result_count, (SELECT count(*) FROM matches m WHERE m.run_id = r.id) FROM match_runs r WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(answer.GetProperty("runId").GetString()!));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("job-matches", reader.GetString(0));
        Assert.Equal("hand-v1", reader.GetString(1));
        Assert.Equal("demo", reader.GetString(2));
        Assert.Equal(answer.GetProperty("matches").GetArrayLength(), reader.GetInt32(3));
        Assert.Equal(reader.GetInt32(3), (int)reader.GetInt64(4));
    }
}
