using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Seed;
using Llo.Inventory.Tests.Infrastructure;
using Npgsql;

namespace Llo.Inventory.Tests.Seed;

public sealed class DemoSeedTests(SeededInventoryHost host) : IClassFixture<SeededInventoryHost>
{
    [Fact]
    public async Task A_fresh_start_seeds_the_seven_projects_of_2022_and_seeding_again_adds_nothing()
    {
        Assert.Equal(7, await host.CountAsync("SELECT count(*) FROM projects"));

        var inserted = await DemoSeeder.SeedAsync((NpgsqlDataSource)host.Services.GetService(typeof(NpgsqlDataSource))!, CancellationToken.None);

        Assert.Equal(0, inserted);
        Assert.Equal(7, await host.CountAsync("SELECT count(*) FROM projects"));
        Assert.Equal(7, await host.CountAsync("SELECT count(*) FROM messaging_outbox WHERE type = 'inventory.project-registered'"));
    }

    [Fact]
    public async Task The_seeded_projects_name_organisations_never_people_and_pass_validation()
    {
        var projects = (await new ProjectService.ProjectServiceClient(host.Grpc).ListProjectsAsync(new ListProjectsRequest { PageSize = 100 })).Projects;

        Assert.Equal(7, projects.Count);
        Assert.All(projects, p => Assert.True(p.Fields.Contact is null || (!p.Fields.Contact.Consent && p.Fields.Contact.Name == "")));
        var names = string.Join(" ", projects.Select(p => p.ToString()));
        foreach (var person in new[] { "Agnes", "Ardenne", "Oerlemans", "Dries", "Wekken", "Berkelaar", "Plank", "Zonne" })
        {
            Assert.DoesNotContain(person, names);
        }

        foreach (var (_, data) in DemoProjects.All)
        {
            var violations = new Llo.Inventory.Api.Validation.FieldViolations();
            Assert.NotNull(Llo.Inventory.Api.Validation.ProjectFieldsValidator.Validate(
                Llo.Inventory.Api.Projects.ProjectMapping.ToContract(data), "project", violations));
        }
    }
}
