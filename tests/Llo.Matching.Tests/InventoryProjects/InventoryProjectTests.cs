using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Matching.Api.InventoryProjects;
using Llo.Testing;
using Npgsql;
using static Llo.Matching.Tests.Twins.TwinRequests;
using InventoryV1 = Llo.Contracts.Inventory.V1;

namespace Llo.Matching.Tests.InventoryProjects;

/// <summary>
/// The inventory's projects that train skills, through the real inventory, its outbox, RabbitMQ and its gRPC API:
/// stored with the skills matching derives from their text, suggested next to the training offers while they run.
/// </summary>
public sealed class InventoryProjectTests(InventoryRegion region) : IClassFixture<InventoryRegion>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not within {Patience}: {what}");
            await Task.Delay(200);
        }
    }

    private Task<(string Status, string[] Skills, DateTimeOffset SyncedAt)?> StoredEventuallyAsync(Guid project, Func<(string Status, string[] Skills, DateTimeOffset SyncedAt), bool> done) =>
        EventuallyAsync(() => region.StoredAsync(project), row => row is { } r && done(r), $"project {project} in matching");

    /// <summary>
    /// The projects the cook's job match suggests for the first skill the cook lacks: at most three, by title, so the
    /// projects a test expects there have titles that sort before the other tests' ("A…").
    /// </summary>
    private async Task<string[]> SuggestedProjectsAsync()
    {
        var answer = await GetAsync(region.Matching.JsonAs(Coach(region.CoachId)), $"/workers/{region.WorkerId}/jobMatches?pageSize=5");
        var explanation = answer.GetProperty("matches")[0].GetProperty("explanation");
        var gap = explanation.GetProperty("gapClosures").EnumerateArray().Single(g => g.GetProperty("skill").GetProperty("uri").GetString() == region.Missing[0]);
        return gap.TryGetProperty("projects", out var projects) ? [.. projects.EnumerateArray().Select(p => p.GetProperty("projectId").GetString()!)] : [];
    }

    [Fact]
    public async Task A_project_registered_before_matching_started_is_read_at_start_with_the_skills_its_text_names()
    {
        var stored = await StoredEventuallyAsync(region.EarlierProject, _ => true);

        Assert.Equal("Running", stored!.Value.Status);
        Assert.Contains(region.Missing[0], stored.Value.Skills);
        Assert.DoesNotContain(region.Missing[1], stored.Value.Skills);
    }

    [Fact]
    public async Task A_registered_running_project_is_stored_and_suggested_in_a_job_match_next_to_the_trainings()
    {
        var project = await region.RegisterAsync("Aardappelkeuken Vlaardingen", InventoryV1.ProjectStatus.Running);

        var stored = await StoredEventuallyAsync(project, _ => true);
        Assert.Contains(region.Missing[0], stored!.Value.Skills);

        var suggested = await EventuallyAsync(SuggestedProjectsAsync, s => s.Contains(project.ToString()), "the project suggested");
        Assert.True(suggested.Length <= Llo.Matching.Api.Matches.MatchSnapshot.ProjectsPerGap, string.Join(", ", suggested));
    }

    [Fact]
    public async Task A_project_that_is_only_an_idea_is_stored_but_not_suggested()
    {
        // Its title sorts before every other test's, so it would be among the three shown if an idea were suggested.
        var project = await region.RegisterAsync("Aa Kookidee Maassluis", InventoryV1.ProjectStatus.Idea);

        await StoredEventuallyAsync(project, r => r.Status == "Idea");

        var suggested = await EventuallyAsync(SuggestedProjectsAsync, s => s.Length > 0, "a running project suggested");
        Assert.DoesNotContain(project.ToString(), suggested);
    }

    [Fact]
    public async Task A_project_that_finishes_is_no_longer_suggested()
    {
        var project = await region.RegisterAsync("Aspergekeuken Schiedam", InventoryV1.ProjectStatus.Running);
        await EventuallyAsync(SuggestedProjectsAsync, s => s.Contains(project.ToString()), "the running project suggested");

        var current = await region.Projects.GetProjectAsync(new InventoryV1.GetProjectRequest { Id = project.ToString() });
        await region.Projects.UpdateProjectAsync(new InventoryV1.UpdateProjectRequest
        {
            Id = project.ToString(), Version = current.Version, Project = new InventoryV1.ProjectFields { Status = InventoryV1.ProjectStatus.Finished }, UpdateMask = { "status" },
        });

        await StoredEventuallyAsync(project, r => r.Status == "Finished");
        Assert.DoesNotContain(project.ToString(), await SuggestedProjectsAsync());
    }

    [Fact]
    public async Task A_message_delivered_twice_is_handled_once()
    {
        var (project, sentinel) = (await region.RegisterAsync("Bistro Leerwerkplaats", InventoryV1.ProjectStatus.Running),
            await region.RegisterAsync("Brasserie Leerwerkplaats", InventoryV1.ProjectStatus.Pilot));
        var first = await StoredEventuallyAsync(project, _ => true);
        await StoredEventuallyAsync(sentinel, _ => true);

        // One message id, published as the inventory's relay would: the first delivery reads the project again.
        var messageId = Guid.NewGuid();
        await TestBroker.PublishAsync(messageId, new ProjectRegistered(project, "Bistro Leerwerkplaats", ["WorkToWork"], "Running"));
        var handled = await StoredEventuallyAsync(project, r => r.SyncedAt > first!.Value.SyncedAt);

        // The same message again, then another project's on the same queue: once that one is handled, so is the copy.
        var sentinelBefore = (await region.StoredAsync(sentinel))!.Value.SyncedAt;
        await TestBroker.PublishAsync(messageId, new ProjectRegistered(project, "Bistro Leerwerkplaats", ["WorkToWork"], "Running"));
        await TestBroker.PublishAsync(Guid.NewGuid(), new ProjectRegistered(sentinel, "Brasserie Leerwerkplaats", ["WorkToWork"], "Pilot"));
        await StoredEventuallyAsync(sentinel, r => r.SyncedAt > sentinelBefore);

        Assert.Equal(handled!.Value.SyncedAt, (await region.StoredAsync(project))!.Value.SyncedAt);
        await using var connection = await region.Matching.Database.DataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM inventory_projects WHERE project_id = @p) + 10 * (SELECT count(*) FROM messaging_inbox WHERE message_id = @m)", connection);
        count.Parameters.AddWithValue("p", project);
        count.Parameters.AddWithValue("m", messageId);
        Assert.Equal(11L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_operators_sync_reads_every_project_again()
    {
        // The start-up sync stored it already: forget it, so only this sync can bring it back.
        await using (var connection = await region.Matching.Database.DataSource.OpenConnectionAsync())
        await using (var forget = new NpgsqlCommand("DELETE FROM inventory_projects WHERE project_id = @p", connection))
        {
            forget.Parameters.AddWithValue("p", region.EarlierProject);
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var answer = await region.Matching.Json.PostAsync(InventoryProjectEndpoints.Path, null);
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.True(answer.IsSuccessStatusCode, body.ToString());
        Assert.True(body.GetProperty("projects").GetInt32() >= 1);
        Assert.NotNull(await region.StoredAsync(region.EarlierProject));
    }
}
