using Llo.Matching.Api.Employers;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Taxonomy;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Workers;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Index;

/// <summary>
/// Writes patch the match index in place: after each write the next query sees it, the snapshot is derived from the
/// previous one (its generation grows) rather than built again, and it answers as a snapshot built from scratch on the
/// rows in the database.
/// </summary>
public sealed class MatchIndexUpdateTests : IAsyncLifetime
{
    private readonly MatchingHost host = new();
    private readonly Guid coachId = Guid.NewGuid();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private MatchEngine Engine => host.Services.GetRequiredService<MatchEngine>();

    private HttpClient AsCoach => host.JsonAs(Coach(coachId));

    private async Task<List<string>> JobIdsMatchedAsync(string workerId) =>
        [.. (await GetAsync(AsCoach, $"/workers/{workerId}/jobMatches?pageSize=20")).GetProperty("matches").EnumerateArray()
            .Select(m => m.GetProperty("job").GetProperty("jobId").GetString()!)];

    [Fact]
    public async Task Each_write_reaches_the_next_match_without_a_rebuild_and_the_patched_index_equals_a_fresh_one()
    {
        var hr = host.JsonAs(Hr(TestOrganisations.One));
        var restaurant = await PostAsync(hr, "/employers", Employer("Keuken Index", "hospitality", "Vlaardingen"));
        var cookJob = await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("kok", "Vlaardingen"));
        var porterJob = await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("medewerker keuken", "Vlaardingen", hours: 16));
        var cook = Essential("kok");
        var worker = await PostAsync(AsCoach, "/workers", Worker(cook[..2], municipality: "Vlaardingen", sectors: ["hospitality"]));
        var other = await PostAsync(AsCoach, "/workers", Worker(Essential("ober/serveerster"), municipality: "Schiedam"));
        Assert.Contains(cookJob.Id(), await JobIdsMatchedAsync(worker.Id()));
        var builds = Engine.FullBuilds;
        var generation = (await Engine.SnapshotAsync(CancellationToken.None)).Generation;

        // A new job, a closed job, a changed twin, an erased twin, a renamed employer, a new training.
        var port = await PostAsync(host.JsonAs(Hr(TestOrganisations.Two)), "/employers", Employer("Haven Index", "port", "Maassluis"));
        var forklift = await PostAsync(host.JsonAs(Hr(TestOrganisations.Two)), $"/employers/{port.Id()}/jobs", Job("heftruckchauffeur", "Maassluis"));
        var forkliftDriver = await PostAsync(AsCoach, "/workers", Worker(Essential("heftruckchauffeur"), municipality: "Maassluis"));
        Assert.Contains(forklift.Id(), await JobIdsMatchedAsync(forkliftDriver.Id()));

        await SuccessAsync(await PatchAsync(hr, $"/jobs/{cookJob.Id()}?version=1&updateMask=open", new { open = false }));
        Assert.DoesNotContain(cookJob.Id(), await JobIdsMatchedAsync(worker.Id()));

        var before = (await Engine.SnapshotAsync(CancellationToken.None)).Index.Workers.Count;
        Engine.RemoveWorker(Guid.Parse(other.Id()));
        Assert.Equal(before - 1, (await Engine.SnapshotAsync(CancellationToken.None)).Index.Workers.Count);

        await SuccessAsync(await PatchAsync(hr, $"/employers/{restaurant.Id()}?version=1&updateMask=name", new { name = "Keuken Index Hernoemd" }));
        await SuccessAsync(await PatchAsync(AsCoach, $"/workers/{worker.Id()}?version=1&updateMask=skills",
            new { skills = Essential("medewerker keuken").Select(uri => new { uri, level = 4, evidence = "SKILL_EVIDENCE_CONFIRMED" }).ToArray() }));
        await PostAsync(host.JsonAs(User(TestOrganisations.One, "partner-editor")), "/trainings", new
        {
            provider = "Index School", title = "Keuken basis", skillUris = new[] { cook[3] }, durationHours = 40, place = "Schiedam",
        });
        var first = (await GetAsync(AsCoach, $"/workers/{worker.Id()}/jobMatches?pageSize=5")).GetProperty("matches")[0];
        Assert.Equal(porterJob.Id(), first.GetProperty("job").GetProperty("jobId").GetString());
        Assert.Equal("Keuken Index Hernoemd", first.GetProperty("job").GetProperty("employerName").GetString());
        Assert.Equal(0, first.GetProperty("explanation").GetProperty("missingEssential").GetArrayLength());

        var patched = await Engine.SnapshotAsync(CancellationToken.None);
        Assert.Equal(builds, Engine.FullBuilds);
        Assert.True(patched.Generation > generation, $"generation {patched.Generation} after {generation}");
        var fresh = await FreshSnapshotAsync(except: Guid.Parse(other.Id()));
        Assert.Equal(fresh.Workers.Select(w => w.Id).Order(), patched.Workers.Select(w => w.Id).Order());
        Assert.Equal(fresh.Jobs.Select(j => j.Job.Id).Order(), patched.Jobs.Select(j => j.Job.Id).Order());
        foreach (var w in fresh.Workers)
        {
            var profile = fresh.Profile(w.Fields);
            Assert.Equal(Jobs(fresh, fresh.Index.TopJobs(profile, 100)), Jobs(patched, patched.Index.TopJobs(profile, 100)));
            Assert.Equal(Tasks(fresh, fresh.TaskIndex.TopTasks(profile, 100)), Tasks(patched, patched.TaskIndex.TopTasks(profile, 100)));
        }

        foreach (var (job, employer) in fresh.Jobs)
        {
            var profile = fresh.Profile(job, employer);
            Assert.Equal(Workers(fresh, fresh.Index.TopCandidates(profile, 100)), Workers(patched, patched.Index.TopCandidates(profile, 100)));
        }
    }

    /// <summary>A snapshot built from scratch on the rows in the database, less a twin the engine was told to forget.</summary>
    private async Task<MatchSnapshot> FreshSnapshotAsync(Guid except)
    {
        var ready = await host.Services.GetRequiredService<LoadedTaxonomy>().WhenReadyAsync(CancellationToken.None);
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var employers = await EmployerStore.AllAsync(connection, CancellationToken.None);
        var workers = (await WorkerStore.AllAsync(connection, CancellationToken.None)).Where(w => w.Id != except);
        return MatchSnapshot.Build(ready, workers, employers.ToDictionary(e => e.Id),
            await JobStore.AllAsync(connection, CancellationToken.None), await TrainingStore.AllAsync(connection, CancellationToken.None));
    }

    // Results by id, ties in id order: positions differ between a patched and a fresh snapshot, ids and scores do not.
    private static List<(Guid, double)> Jobs(MatchSnapshot s, IEnumerable<Llo.Matching.Domain.Index.ScoredItem> hits) =>
        [.. hits.Select(h => (s.Jobs[h.Index].Job.Id, h.Score)).OrderByDescending(x => x.Score).ThenBy(x => x.Id)];

    private static List<(Guid, double)> Workers(MatchSnapshot s, IEnumerable<Llo.Matching.Domain.Index.ScoredItem> hits) =>
        [.. hits.Select(h => (s.Workers[h.Index].Id, h.Score)).OrderByDescending(x => x.Score).ThenBy(x => x.Id)];

    private static List<(Guid, int, double)> Tasks(MatchSnapshot s, IEnumerable<Llo.Matching.Domain.Index.ScoredItem> hits) =>
        [.. hits.Select(h => (s.Tasks[h.Index].Job.Id, s.Tasks[h.Index].TaskIndex, h.Score)).OrderByDescending(x => x.Score).ThenBy(x => x.Item1).ThenBy(x => x.Item2)];
}
