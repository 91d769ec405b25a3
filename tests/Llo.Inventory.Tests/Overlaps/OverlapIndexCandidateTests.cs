using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Llo.Inventory.Tests.Overlaps;

/// <summary>
/// The index scores only projects that share a term with the draft: those must still be found, also after a change,
/// and also when the change comes from elsewhere while the index skips its refresh query (it follows notifications).
/// </summary>
public sealed class OverlapIndexCandidateTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private static ProjectData TextOnly(string title) =>
        new(title, "", "", [], [], [], [], null, [], [], global::Llo.Inventory.Domain.Projects.ProjectStatus.Idea, null, null, null, null, "", "", []);

    private async Task<IReadOnlyList<OverlapIndex.Found>> ScoreAsync(string title) =>
        await host.Services.GetRequiredService<OverlapIndex>().ScoreAsync(TextOnly(title), null, 0.001, 20, default);

    [Fact]
    public async Task A_project_sharing_only_a_rare_word_is_found_and_found_by_its_new_words_after_a_change()
    {
        var fields = Drafts.Valid("Kwelderslibvisserij in de Waterweg");
        var created = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = fields })).Project;
        var id = Guid.Parse(created.Id);
        await ScoreAsync("opwarmen"); // the index is built before the change below

        Assert.Contains(await ScoreAsync("Kwelderslibvisserij"), f => f.Id == id);

        await _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = created.Version, UpdateMask = { "title" }, Project = new() { Title = "Zeegrasduikersschool" },
        });

        Assert.Contains(await ScoreAsync("Zeegrasduikersschool"), f => f.Id == id);
        Assert.DoesNotContain(await ScoreAsync("Kwelderslibvisserij"), f => f.Id == id);
    }

    [Fact]
    public async Task A_project_written_by_another_instance_is_found_once_its_change_is_notified()
    {
        await ScoreAsync("opwarmen");
        // Past the late-commit margin with nothing written: from here on a check reads changes only when notified.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await ScoreAsync("opwarmen");

        // Written straight into the table, as another instance of the service would: no event in this process.
        var id = Guid.CreateVersion7();
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO projects (id, title, summary, description, focus_lines, sectors, partners, status) VALUES (@id, 'Wadslikduikersgilde', '', '', '{}', '{}', '[]', 'Idea')",
            connection))
        {
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }

        // The notification arrives within moments; without it the change would wait for the full pass minutes later.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var found = await ScoreAsync("Wadslikduikersgilde");
        while (!found.Any(f => f.Id == id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            found = await ScoreAsync("Wadslikduikersgilde");
        }

        Assert.Contains(found, f => f.Id == id);
    }
}
