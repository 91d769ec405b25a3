using System.Net;
using System.Net.Http.Json;
using Llo.Hosting.Access;
using Llo.Testing;
using static Llo.Matching.Tests.MatchingHost;
using static Llo.Matching.Tests.Twins.TwinRequests;

namespace Llo.Matching.Tests.Twins;

/// <summary>The worker's twin: stored in matching-db, read by its coach, the worker and the programme manager only, changed with a mask and a version.</summary>
public sealed class WorkerTwinTests(MatchingHost host) : IClassFixture<MatchingHost>
{
    private static readonly string[] CookSkills = Essential("kok");

    [Fact]
    public async Task A_coach_registers_a_twin_that_the_coach_the_linked_worker_and_the_programme_manager_read_and_no_one_else()
    {
        var (coach, workerUser) = (Guid.NewGuid(), Guid.NewGuid());
        var created = await PostAsync(host.JsonAs(Coach(coach)), "/workers", Worker(CookSkills.Take(4), userId: workerUser.ToString()));
        var id = created.Id();

        Assert.Equal(coach.ToString(), created.GetProperty("fields").GetProperty("coachUserId").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        var skill = created.GetProperty("fields").GetProperty("skills")[0];
        Assert.Equal(Label(CookSkills[0]), skill.GetProperty("label").GetString());
        foreach (var reader in new[] { Coach(coach), WorkerUser(workerUser), Manager() })
        {
            var read = await GetAsync(host.JsonAs(reader), $"/workers/{id}");
            Assert.Equal(4, read.GetProperty("fields").GetProperty("skills").GetArrayLength());
        }

        foreach (var stranger in new[] { Coach(Guid.NewGuid()), WorkerUser(Guid.NewGuid()), Hr(TestOrganisations.One) })
        {
            var response = await host.JsonAs(stranger).GetAsync($"{ApiRoot}/workers/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal([("matching.worker-registered", 1L)], await OutboxAsync(host, id));
    }

    [Fact]
    public async Task A_coach_lists_only_their_own_workers()
    {
        var (mine, other) = (Guid.NewGuid(), Guid.NewGuid());
        await PostAsync(host.JsonAs(Coach(mine)), "/workers", Worker(CookSkills.Take(2)));
        await PostAsync(host.JsonAs(Coach(mine)), "/workers", Worker(CookSkills.Skip(2).Take(2)));
        await PostAsync(host.JsonAs(Coach(other)), "/workers", Worker(CookSkills.Take(1)));

        var page = await GetAsync(host.JsonAs(Coach(mine)), "/workers");

        Assert.Equal(2, page.GetProperty("totalSize").GetInt32());
        Assert.All(page.GetProperty("workers").EnumerateArray(), w => Assert.Equal(mine.ToString(), w.GetProperty("fields").GetProperty("coachUserId").GetString()));
    }

    [Fact]
    public async Task A_patch_with_a_mask_changes_only_the_named_field_and_records_the_change_in_the_history()
    {
        var coach = Guid.NewGuid();
        var client = host.JsonAs(Coach(coach));
        var created = await PostAsync(client, "/workers", Worker(CookSkills.Take(3), hours: 32));
        var id = created.Id();

        var patched = await SuccessAsync(await PatchAsync(client, $"/workers/{id}?version=1&updateMask=capacity",
            new { capacity = new { hoursPerWeek = 20, physicalLoad = "LOAD_LEVEL_LIGHT" }, displayName = "wordt genegeerd" }));

        Assert.Equal(2, patched.GetProperty("version").GetInt64());
        Assert.Equal(20, patched.GetProperty("fields").GetProperty("capacity").GetProperty("hoursPerWeek").GetInt32());
        Assert.Equal("Testwerkende", patched.GetProperty("fields").GetProperty("displayName").GetString());
        var history = await GetAsync(client, $"/workers/{id}/history");
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(["capacity"], changes[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(LloRoles.Coach, changes[1].GetProperty("changedByRole").GetString());
        Assert.Equal([("matching.worker-registered", 1L), ("matching.worker-changed", 2L)], await OutboxAsync(host, id));
    }

    [Fact]
    public async Task A_stale_version_is_409_and_a_no_op_keeps_the_version_without_an_event()
    {
        var client = host.JsonAs(Coach(Guid.NewGuid()));
        var id = (await PostAsync(client, "/workers", Worker(CookSkills.Take(2)))).Id();

        var same = await SuccessAsync(await PatchAsync(client, $"/workers/{id}?version=1&updateMask=displayName", new { displayName = "Testwerkende" }));
        var stale = await PatchAsync(client, $"/workers/{id}?version=7&updateMask=displayName", new { displayName = "Ander" });

        Assert.Equal(1, same.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Single(await OutboxAsync(host, id));
    }

    [Fact]
    public async Task Another_coach_cannot_change_a_twin_and_a_coach_cannot_assign_another_coach()
    {
        var coach = Guid.NewGuid();
        var id = (await PostAsync(host.JsonAs(Coach(coach)), "/workers", Worker(CookSkills.Take(2)))).Id();

        var stranger = await PatchAsync(host.JsonAs(Coach(Guid.NewGuid())), $"/workers/{id}?version=1&updateMask=displayName", new { displayName = "x" });
        var handOver = await PatchAsync(host.JsonAs(Coach(coach)), $"/workers/{id}?version=1&updateMask=coachUserId", new { coachUserId = Guid.NewGuid().ToString() });
        var byManager = await PatchAsync(host.JsonAs(Manager()), $"/workers/{id}?version=1&updateMask=coachUserId", new { coachUserId = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, handOver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
    }

    [Fact]
    public async Task An_unknown_skill_hours_out_of_range_and_an_empty_profile_are_400_naming_each_field_in_Dutch()
    {
        var client = host.JsonAs(Coach(Guid.NewGuid()));

        var unknown = await ViolationsAsync(await client.PostAsJsonAsync($"{ApiRoot}/workers",
            Worker(["http://data.europa.eu/esco/skill/bestaat-niet"], hours: 80)));
        var empty = await ViolationsAsync(await client.PostAsJsonAsync($"{ApiRoot}/workers", Worker([])));
        var noPhase = await ViolationsAsync(await client.PostAsJsonAsync($"{ApiRoot}/workers", new { skills = new[] { new { uri = CookSkills[0] } } }));

        Assert.Contains("Onbekende vaardigheid", unknown["worker.skills[0].uri"]);
        Assert.Contains("tussen 1 en 60", unknown["worker.capacity.hoursPerWeek"]);
        Assert.Contains("leeg", empty["worker.skills"]);
        Assert.Contains("fase", noPhase["worker.phase"]);
        Assert.Contains("worker.capacity.hoursPerWeek", noPhase.Keys);
    }

    [Fact]
    public async Task The_twin_has_no_field_for_age_gender_origin_or_postcode()
    {
        var names = Llo.Contracts.Matching.V1.WorkerFields.Descriptor.Fields.InDeclarationOrder()
            .Concat(Llo.Contracts.Matching.V1.WorkerPreferences.Descriptor.Fields.InDeclarationOrder())
            .Select(f => f.Name).ToList();

        Assert.NotEmpty(names);
        foreach (var forbidden in new[] { "age", "birth", "gender", "sex", "origin", "nationality", "postcode", "postal", "zip" })
        {
            Assert.DoesNotContain(names, n => n.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
        }

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_name = 'workers'", connection);
        var columns = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("fields", columns);
        Assert.DoesNotContain("postcode", columns);
        Assert.DoesNotContain("gender", columns);
    }
}
