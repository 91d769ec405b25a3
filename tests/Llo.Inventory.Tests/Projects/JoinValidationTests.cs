using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Projects;

/// <summary>Joining a draft to a project makes a project that must pass the project rules: the limits count both.</summary>
public sealed class JoinValidationTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly ProjectService.ProjectServiceClient _client = new(host.Grpc);

    private static ProjectFields WithPartners(string title, int count, string name)
    {
        var fields = Drafts.Valid(title);
        fields.Partners.Clear();
        for (var i = 1; i <= count; i++)
        {
            fields.Partners.Add(new ProjectPartner { Organisation = $"{name} {i}", Role = i == 1 ? PartnerRole.Lead : PartnerRole.Partner });
        }

        return fields;
    }

    [Fact]
    public async Task A_join_that_would_pass_the_partner_limit_is_refused_and_changes_nothing()
    {
        var existing = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = WithPartners("Groot partnernetwerk", 48, "Bestaande partner") })).Project;

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = WithPartners("Ons netwerkidee", 3, "Nieuwe partner"),
            JoinProjectId = existing.Id,
        }).ResponseAsync);

        Assert.Equal(["project.partners"], Assertions.FieldViolations(refused));
        Assert.Contains("Hoogstens 50 partners samen met die van het bestaande project (nu 51)", refused.Status.Detail);
        var after = await _client.GetProjectAsync(new GetProjectRequest { Id = existing.Id });
        Assert.Equal(existing.Version, after.Version);
        Assert.Equal(48, after.Fields.Partners.Count);
    }

    [Fact]
    public async Task A_join_that_would_pass_the_link_limit_is_refused()
    {
        var fields = Drafts.Valid("Veel links");
        fields.Links.Clear();
        for (var i = 1; i <= 19; i++)
        {
            fields.Links.Add(new ProjectLink { Title = $"Pagina {i}", Url = $"https://www.riverboard.nl/{i}" });
        }

        var existing = (await _client.CreateProjectAsync(new CreateProjectRequest { Project = fields })).Project;
        var draft = Drafts.Valid("Nog meer links");
        draft.Links.Add(new ProjectLink { Title = "Extra", Url = "https://www.schiedam.nl" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = draft,
            JoinProjectId = existing.Id,
        }).ResponseAsync);

        Assert.Equal(["project.links"], Assertions.FieldViolations(refused));
        Assert.Equal(existing.Version, (await _client.GetProjectAsync(new GetProjectRequest { Id = existing.Id })).Version);
    }
}
