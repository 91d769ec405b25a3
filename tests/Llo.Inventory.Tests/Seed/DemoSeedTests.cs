using System.Net;
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

        var inserted = await DemoSeeder.SeedAsync((NpgsqlDataSource)host.Services.GetService(typeof(NpgsqlDataSource))!, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, inserted.Total);
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
            var violations = new FieldViolations();
            Assert.NotNull(Llo.Inventory.Api.Validation.ProjectFieldsValidator.Validate(
                Llo.Inventory.Api.Projects.ProjectMapping.ToContract(data), "project", violations));
        }
    }

    [Fact]
    public async Task The_plans_dated_meetings_are_public_agenda_items_of_organisations_linked_to_the_seeded_projects()
    {
        var agenda = await new AgendaService.AgendaServiceClient(host.Grpc).ListAgendaItemsAsync(new ListAgendaItemsRequest { To = "2022-12-31" });

        Assert.Equal(["2022-01-19", "2022-03-18"], agenda.Items.Select(i => i.Fields.Date));
        Assert.Equal(["Kopgroep Tafel LLO", "Tafel LLO (Riverboard)"], agenda.Items.Select(i => i.Fields.Organiser));
        var seededProjects = DemoProjects.All.Select(p => p.Id.ToString()).Order().ToList();
        Assert.All(agenda.Items, i => Assert.True(i.Fields.Public));
        Assert.All(agenda.Items, i => Assert.Equal(seededProjects, i.Fields.ProjectIds.Order()));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM desk_questions"));
        foreach (var (_, item) in DemoAgenda.All)
        {
            var violations = new FieldViolations();
            Assert.NotNull(Llo.Inventory.Api.Agenda.AgendaItemValidator.Validate(item.ToContract(), "item", violations));
        }
    }

    [Fact]
    public async Task An_operator_reseeds_over_http_and_only_what_is_missing_comes_back()
    {
        var kopgroep = DemoAgenda.All[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await host.Json.DeleteAsync($"/api/inventory/v1/agendaItems/{kopgroep}")).StatusCode);

        var response = await host.Json.PostAsync(DemoDataEndpoint.Path, null);

        var result = await response.JsonAsync();
        Assert.Equal(0, result.GetProperty("insertedProjects").GetInt32());
        Assert.Equal(1, result.GetProperty("insertedAgendaItems").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await host.Json.GetAsync($"/api/inventory/v1/agendaItems/{kopgroep}")).StatusCode);
        Assert.Equal(2, await host.CountAsync("SELECT count(*) FROM agenda_items"));
        Assert.Equal(7, await host.CountAsync("SELECT count(*) FROM projects"));
        var openApi = await host.Json.GetStringAsync("/api/inventory/v1/openapi.json");
        Assert.DoesNotContain("/admin/", openApi);
    }
}

public sealed class DemoDataSwitchedOffTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    [Fact]
    public async Task Reseeding_is_refused_when_demo_data_is_switched_off_and_nothing_is_inserted()
    {
        var response = await host.Json.PostAsync(DemoDataEndpoint.Path, null);

        // FailedPrecondition (400): the environment's state does not allow it (docs/conventions.md), in the one error shape.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Demo-data staat uit", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM projects"));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM agenda_items"));
    }
}
