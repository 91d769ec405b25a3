using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Overlaps;

/// <summary>"Doublures": similar existing projects are reported with reasons, never block, and a draft can join one.</summary>
public sealed class OverlapTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private static ProjectFields Netwerk(string title) => new()
    {
        Title = title,
        Summary = "Een netwerk van HR-managers waarin ondernemers personeel delen.",
        FocusLines = { FocusLine.WorkToWork },
        Sectors = { "Logistiek" },
        Campus = "MICS",
        Partners = { new ProjectPartner { Organisation = "Riverboard", Role = PartnerRole.Lead } },
        Status = ProjectStatus.Running,
        StartDate = "2022-04-01",
    };

    [Fact]
    public async Task Registering_a_project_similar_to_an_existing_one_returns_it_as_an_overlap_with_dutch_reasons()
    {
        var existing = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Netwerk("HR-netwerk Waterweg") })).Project;
        var draft = Netwerk("Netwerk HR-managers Maassluis");
        draft.Partners.Add(new ProjectPartner { Organisation = "Stroomopwaarts", Role = PartnerRole.Partner });

        var response = await _client.CreateProjectAsync(new CreateProjectRequest { Project = draft });

        var overlap = Assert.Single(response.Overlaps, o => o.ProjectId == existing.Id);
        Assert.InRange(overlap.Score, 0.6, 1.0);
        Assert.Contains(overlap.Reasons, r => r.StartsWith("Gedeelde termen: ", StringComparison.Ordinal) && r.Contains("ondernemers"));
        Assert.Contains("Zelfde focuslijn: Werk naar Werk", overlap.Reasons);
        Assert.Contains("Zelfde sector: Logistiek", overlap.Reasons);
        Assert.Contains("Zelfde campus: MICS", overlap.Reasons);
        Assert.Contains("Overlappende periode", overlap.Reasons);
        Assert.Contains("Gedeelde partners: Riverboard", overlap.Reasons);
        Assert.NotEqual(existing.Id, response.Project.Id);
    }

    [Fact]
    public async Task Find_overlaps_ignores_unrelated_and_archived_projects()
    {
        var unrelated = new ProjectFields
        {
            Title = "Voorleesochtend bibliotheek", Summary = "Ouders lezen voor.", FocusLines = { FocusLine.SchoolToWork },
            Status = ProjectStatus.Idea,
        };
        var unrelatedId = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = unrelated })).Project.Id;
        var archived = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Netwerk("Gearchiveerd havennetwerk") })).Project;
        await _client.ArchiveProjectAsync(new ArchiveProjectRequest { Id = archived.Id });
        // Positive control: the archived project's live twin is found, so an empty answer cannot pass this test.
        var live = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Netwerk("Levend havennetwerk") })).Project;

        var result = await _client.FindOverlapsAsync(new FindOverlapsRequest { Draft = Netwerk("Havennetwerk HR") });

        Assert.Contains(result.Overlaps, o => o.ProjectId == live.Id);
        Assert.DoesNotContain(result.Overlaps, o => o.ProjectId == unrelatedId || o.ProjectId == archived.Id);
        Assert.All(result.Overlaps, o => Assert.InRange(o.Score, 0.35, 1.0));
    }

    [Fact]
    public async Task Updating_a_project_does_not_report_itself_as_its_own_overlap()
    {
        var created = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Netwerk("Uniek zelfnetwerk") })).Project;

        var updated = await _client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Id = created.Id, Version = created.Version, UpdateMask = { "summary" }, Project = new() { Summary = "Ondernemers delen personeel in een netwerk." },
        });

        Assert.DoesNotContain(updated.Overlaps, o => o.ProjectId == created.Id);
    }

    [Fact]
    public async Task Joining_adds_the_drafts_partners_to_the_existing_project_instead_of_registering_a_twin()
    {
        var existing = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = Netwerk("Samen aansluiten netwerk") })).Project;
        var draft = Netwerk("Ons eigen netwerkidee");
        draft.Partners.Add(new ProjectPartner { Organisation = "Gemeente Vlaardingen", Role = PartnerRole.Funder });
        draft.Links.Add(new ProjectLink { Title = "Onze pagina", Url = "https://www.vlaardingen.nl" });
        var before = await host.CountAsync("SELECT count(*) FROM projects");

        var response = await _client.CreateProjectAsync(new CreateProjectRequest { Project = draft, JoinProjectId = existing.Id });

        Assert.Equal(existing.Id, response.Project.Id);
        Assert.Equal(existing.Version + 1, response.Project.Version);
        Assert.Equal(["Riverboard", "Gemeente Vlaardingen"], response.Project.Fields.Partners.Select(p => p.Organisation));
        Assert.Equal("https://www.vlaardingen.nl", Assert.Single(response.Project.Fields.Links).Url);
        Assert.Equal("Samen aansluiten netwerk", response.Project.Fields.Title);
        Assert.Equal(before, await host.CountAsync("SELECT count(*) FROM projects"));
        Assert.Equal(1, await host.CountAsync(
            $"SELECT count(*) FROM messaging_outbox WHERE type = 'inventory.project-updated' AND payload ->> 'projectId' = '{existing.Id}'"));
    }
}
