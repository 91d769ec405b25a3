using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Inventory.Tests.Overlaps;

/// <summary>The index scores only projects that share a term with the draft: those must still be found, also after a change.</summary>
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
}
