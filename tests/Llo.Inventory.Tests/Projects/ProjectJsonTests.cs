using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Projects;

/// <summary>The same contract as JSON (gRPC JSON transcoding), the way the web front end and the gateway call it.</summary>
public sealed class ProjectJsonTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Projects = "/api/inventory/v1/projects";

    private static object ValidDraft(string title = "Leerlijn lassen voor werkzoekenden") => new
    {
        title,
        summary = "Werkzoekenden leren lassen bij regionale ondernemers.",
        focusLines = new[] { "FOCUS_LINE_HOME_TO_WORK" },
        themes = new[] { "THEME_COLLABORATION" },
        sectors = new[] { "Techniek" },
        campus = "Leerwerkplaats Techniek",
        municipalities = new[] { "Schiedam" },
        partners = new[] { new { organisation = "Stroomopwaarts", role = "PARTNER_ROLE_LEAD" } },
        status = "PROJECT_STATUS_PILOT",
        startDate = "2023-02-01",
        budgetEstimate = "1000.00",
    };

    private async Task<JsonElement> CreateAsync(object draft)
    {
        var response = await host.Json.PostAsJsonAsync(Projects, draft);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project");
    }

    [Fact]
    public async Task A_project_registered_as_json_reads_back_as_json_with_camel_case_fields()
    {
        var project = await CreateAsync(ValidDraft());
        var id = project.GetProperty("id").GetString();

        var read = await host.Json.GetFromJsonAsync<JsonElement>($"{Projects}/{id}");

        Assert.Equal("Leerlijn lassen voor werkzoekenden", read.GetProperty("fields").GetProperty("title").GetString());
        Assert.Equal("FOCUS_LINE_HOME_TO_WORK", read.GetProperty("fields").GetProperty("focusLines")[0].GetString());
        Assert.Equal("1000.00", read.GetProperty("fields").GetProperty("budgetEstimate").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Bad_input_as_json_gets_400_with_every_field_violation_in_the_body_and_nothing_is_stored()
    {
        var before = await host.CountAsync("SELECT count(*) FROM projects");

        var response = await host.Json.PostAsJsonAsync(Projects, new
        {
            title = "x",
            status = "PROJECT_STATUS_UNSPECIFIED",
            campus = "Hogwarts",
            startDate = "2023-13-01",
            links = new[] { new { title = "Site", url = "javascript:alert(1)" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "project.title", "project.status", "project.campus", "project.startDate", "project.links[0].url" })
        {
            Assert.Contains($"\"{field}\"", body);
        }

        Assert.Contains("fieldViolations", body);
        Assert.Equal(before, await host.CountAsync("SELECT count(*) FROM projects"));
    }

    [Fact]
    public async Task Malformed_json_gets_400_not_500()
    {
        var response = await host.Json.PostAsync(Projects, new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_enum_name_gets_400_not_500()
    {
        var response = await host.Json.PostAsync(Projects,
            new StringContent("{\"title\": \"Project\", \"status\": \"PROJECT_STATUS_DREAMING\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Patch_with_a_stale_version_gets_409_and_patch_with_the_current_one_applies()
    {
        var id = (await CreateAsync(ValidDraft("Te wijzigen JSON-project"))).GetProperty("id").GetString();

        var ok = await host.Json.PatchAsJsonAsync($"{Projects}/{id}?version=1&updateMask=summary", new { summary = "Bijgewerkt via JSON" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("version").GetInt64());

        var stale = await host.Json.PatchAsJsonAsync($"{Projects}/{id}?version=1&updateMask=summary", new { summary = "Te laat" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("intussen gewijzigd", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_archives_and_unknown_or_malformed_ids_get_404_and_400()
    {
        var id = (await CreateAsync(ValidDraft("Te archiveren JSON-project"))).GetProperty("id").GetString();

        var deleted = await host.Json.DeleteAsync($"{Projects}/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True((await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archived").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await host.Json.GetAsync($"{Projects}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Json.GetAsync($"{Projects}/niet-een-id")).StatusCode);
    }

    [Fact]
    public async Task Listing_parameters_out_of_range_get_400_naming_the_parameter()
    {
        var response = await host.Json.GetAsync($"{Projects}?pageSize=101&orderBy=colour&municipality=Rotterdam");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"pageSize\"", body);
        Assert.Contains("\"orderBy\"", body);
        Assert.Contains("\"municipality\"", body);
    }
}
