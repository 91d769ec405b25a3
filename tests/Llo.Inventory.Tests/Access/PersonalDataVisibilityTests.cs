using System.Net;
using System.Text.Json;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;
using static Llo.Inventory.Tests.Access.AccessRequests;
using static Llo.Testing.EndpointCatalogue;

namespace Llo.Inventory.Tests.Access;

/// <summary>
/// Contact persons reach only those who need them (programme staff, the owning organisation), never anonymous callers;
/// the public desk list carries no free text; non-public agenda items are for logged-in callers.
/// </summary>
public sealed class PersonalDataVisibilityTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly AccessRequests _objects = new(host);

    private async Task<JsonElement> ContactAsync(TestToken? caller, string projectId) =>
        (await (await host.As(caller).GetAsync($"{ApiRoot}/projects/{projectId}")).JsonAsync()).GetProperty("fields").GetProperty("contact");

    /// <summary>A string field as JSON transcoding writes it (empty when unset), or "" when absent.</summary>
    private static string Text(JsonElement message, string field) => message.TryGetProperty(field, out var value) ? value.GetString() ?? "" : "";

    private static string Name(JsonElement contact) => Text(contact, "name");

    [Fact]
    public async Task A_projects_contact_person_is_shown_to_programme_staff_and_the_owning_organisation_only()
    {
        var id = await _objects.OwnProjectAsync(withContactPerson: true);

        Assert.Equal("Fenna de Vries", Name(await ContactAsync(InventoryHost.User(TestOrganisations.Two, LloRoles.ProjectLeader), id)));
        Assert.Equal("Fenna de Vries", Name(await ContactAsync(Editor(TestOrganisations.One), id)));
        var anonymous = await ContactAsync(null, id);
        Assert.Equal("", Name(anonymous));
        Assert.Equal("", Text(anonymous, "email"));
        Assert.Equal("", Text(anonymous, "phone"));
        Assert.Equal("Stroomopwaarts", anonymous.GetProperty("organisation").GetString());
        Assert.Equal("", Name(await ContactAsync(Editor(TestOrganisations.Two), id)));
    }

    [Fact]
    public async Task The_public_project_list_carries_no_contact_person()
    {
        var id = await _objects.OwnProjectAsync(withContactPerson: true);

        var list = await (await host.As(null).GetAsync($"{ApiRoot}/projects?pageSize=100")).JsonAsync();

        var project = list.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.Equal("", Name(project.GetProperty("fields").GetProperty("contact")));
        Assert.DoesNotContain("fenna@example.org", list.GetRawText());
    }

    [Fact]
    public async Task An_anonymous_desk_question_is_taken_but_its_contact_is_not_echoed_and_the_public_list_has_no_free_text()
    {
        var anonymous = host.As(null);

        var submitted = await (await anonymous.SendAsync(Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions", DeskQuestion(withContact: true)))).JsonAsync();
        var list = await (await anonymous.GetAsync($"{ApiRoot}/deskQuestions")).JsonAsync();
        var search = await anonymous.GetAsync($"{ApiRoot}/deskQuestions?q=omscholing");
        var read = await anonymous.GetAsync($"{ApiRoot}/deskQuestions/{submitted.GetProperty("id").GetString()}");

        Assert.True(!submitted.TryGetProperty("contact", out var echoed) || echoed.ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain("Sem Jansen", submitted.GetRawText());
        Assert.True(submitted.GetProperty("hasContact").GetBoolean());
        var listed = Assert.Single(list.GetProperty("questions").EnumerateArray());
        Assert.Equal("", Text(listed, "question"));
        Assert.Equal("", Text(listed, "topic"));
        Assert.Equal("DESK_QUESTION_STATUS_NEW", Text(listed, "status"));
        Assert.DoesNotContain("Sem Jansen", list.GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        var staff = await (await host.Json.GetAsync($"{ApiRoot}/deskQuestions/{submitted.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal("Sem Jansen", staff.GetProperty("contact").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_non_public_agenda_item_is_for_logged_in_callers_only()
    {
        var id = await _objects.OwnAgendaItemAsync(isPublic: false);
        var anonymous = host.As(null);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{ApiRoot}/agendaItems/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{ApiRoot}/agendaItems?includeNonPublic=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.As(Editor(TestOrganisations.Two)).GetAsync($"{ApiRoot}/agendaItems/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_programme_owned_project_is_changed_by_programme_staff_but_not_by_a_partner_editor()
    {
        var seeded = await ProjectRows.InsertAsync(host.Database, "Programmaproject uit het jaarplan");
        var editor = await host.As(Editor(TestOrganisations.One)).SendAsync(Json(HttpMethod.Post, $"{ApiRoot}/projects/{seeded}/scalingProposals", Assessment));
        var leader = await host.As(InventoryHost.User(TestOrganisations.Two, LloRoles.ProjectLeader))
            .SendAsync(Json(HttpMethod.Post, $"{ApiRoot}/projects/{seeded}/scalingProposals", Assessment));

        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Contains("is van het programma", await editor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, leader.StatusCode);
    }
}
