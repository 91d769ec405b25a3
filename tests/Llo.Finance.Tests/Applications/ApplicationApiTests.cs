using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Applications;

/// <summary>Funding applications over JSON: the plan's seeded ones, a new draft, the status workflow and its refusals.</summary>
public sealed class ApplicationApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private static IEnumerable<string> Fields(JsonElement error) =>
        error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .Select(v => v.GetProperty("field").GetString()!);

    private async Task<JsonElement> GetAsync(string id) => await BodyAsync(await host.Json.GetAsync($"{ApplicationsPath}/{id}"));

    [Fact]
    public async Task The_plans_applications_are_seeded_and_a_municipality_analyst_reads_them()
    {
        var analyst = host.As(User(TestOrganisations.Two, LloRoles.MunicipalityAnalyst));

        var list = await BodyAsync(await analyst.GetAsync($"{ApplicationsPath}?pageSize=100"));
        var seeded = list.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "programmamanagement");

        Assert.True(list.GetProperty("totalSize").GetInt32() >= 3);
        Assert.Equal("FUNDING_APPLICATION_STATUS_DRAFT", seeded.GetProperty("status").GetString());
        Assert.Equal(300_000m, seeded.GetProperty("fields").GetProperty("requested").EnumerateArray().Sum(r => Euros(r.GetProperty("amount"))));
        Assert.Equal(50, seeded.GetProperty("fields").GetProperty("probabilityPercent").GetInt32());
    }

    [Fact]
    public async Task A_new_application_is_a_draft_at_version_1_and_reads_back_the_same()
    {
        var created = await BodyAsync(await host.Json.SendAsync(Create()));
        var read = await GetAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("FUNDING_APPLICATION_STATUS_DRAFT", created.GetProperty("status").GetString());
        Assert.Equal("1", created.GetProperty("version").ToString());
        Assert.Equal(created.GetRawText(), read.GetRawText());
        Assert.Equal(25_000m, Euros(read.GetProperty("fields").GetProperty("requested")[0].GetProperty("amount")));
    }

    [Fact]
    public async Task A_year_outside_the_budget_or_an_income_line_that_does_not_exist_is_400_naming_the_field_and_stores_nothing()
    {
        var before = (await BodyAsync(await host.Json.GetAsync(ApplicationsPath))).GetProperty("totalSize").GetInt32();
        var bad = new
        {
            title = "Aanvraag na de begroting", funders = new[] { "BZK" }, incomeLineId = "bestaat-niet",
            requested = new[] { new { year = 2023, amount = new { cents = "100" } }, new { year = 2031, amount = new { cents = "100" } } },
        };

        var error = await BodyAsync(await host.Json.SendAsync(Create(bad)), HttpStatusCode.BadRequest);

        Assert.Equal(["application.incomeLineId", "application.requested[1].year"], Fields(error).Order());
        Assert.Contains("Het jaar 2031 valt buiten de begroting", error.GetRawText());
        Assert.Contains("De inkomstenregel 'bestaat-niet' bestaat niet", error.GetRawText());
        Assert.Equal(before, (await BodyAsync(await host.Json.GetAsync(ApplicationsPath))).GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_every_field_in_Dutch_and_stores_nothing()
    {
        var before = (await BodyAsync(await host.Json.GetAsync(ApplicationsPath))).GetProperty("totalSize").GetInt32();
        var bad = new { title = "", funders = Array.Empty<string>(), requested = new[] { new { year = 2023, amount = new { cents = "-100" } } }, probabilityPercent = 150 };

        var error = await BodyAsync(await host.Json.SendAsync(Create(bad)), HttpStatusCode.BadRequest);

        Assert.Equal(
            ["application.funders", "application.probabilityPercent", "application.requested[0].amount", "application.title"],
            Fields(error).Order());
        Assert.Equal(before, (await BodyAsync(await host.Json.GetAsync(ApplicationsPath))).GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task An_application_moves_through_the_workflow_and_a_forbidden_step_is_refused_naming_it_and_changes_nothing()
    {
        var id = await NewDraftAsync(host);

        var submitted = await BodyAsync(await host.Json.SendAsync(Move(id, 1, "FUNDING_APPLICATION_STATUS_SUBMITTED")));
        var granted = await BodyAsync(await host.Json.SendAsync(Move(id, 2, "FUNDING_APPLICATION_STATUS_GRANTED_IN_PART",
            [new { year = 2023, amount = new { cents = "1500000" } }])));
        var refused = await host.Json.SendAsync(Move(id, 3, "FUNDING_APPLICATION_STATUS_REJECTED"));

        Assert.Equal("FUNDING_APPLICATION_STATUS_SUBMITTED", submitted.GetProperty("status").GetString());
        Assert.Equal("FUNDING_APPLICATION_STATUS_GRANTED_IN_PART", granted.GetProperty("status").GetString());
        Assert.Equal(15_000m, Euros(granted.GetProperty("granted")[0].GetProperty("amount")));
        var error = await BodyAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(9, error.GetProperty("code").GetInt32()); // FailedPrecondition
        Assert.Contains("De stap van 'gedeeltelijk toegekend' naar 'afgewezen' is niet toegestaan", error.GetProperty("message").GetString());
        var after = await GetAsync(id);
        Assert.Equal("3", after.GetProperty("version").ToString());
        Assert.Equal("FUNDING_APPLICATION_STATUS_GRANTED_IN_PART", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_grant_in_part_for_more_than_requested_is_400_naming_the_year()
    {
        var id = await NewDraftAsync(host);
        await BodyAsync(await host.Json.SendAsync(Move(id, 1, "FUNDING_APPLICATION_STATUS_SUBMITTED")));

        var error = await BodyAsync(await host.Json.SendAsync(Move(id, 2, "FUNDING_APPLICATION_STATUS_GRANTED_IN_PART",
            [new { year = 2023, amount = new { cents = "9000000" } }])), HttpStatusCode.BadRequest);

        Assert.Equal(["granted[2023]"], Fields(error));
    }

    [Fact]
    public async Task A_stale_version_is_409_and_an_unknown_application_404()
    {
        var id = await NewDraftAsync(host);
        await BodyAsync(await host.Json.SendAsync(Move(id, 1, "FUNDING_APPLICATION_STATUS_SUBMITTED")));

        var stale = await host.Json.SendAsync(Move(id, 1, "FUNDING_APPLICATION_STATUS_WITHDRAWN"));
        var unknown = await host.Json.GetAsync($"{ApplicationsPath}/bestaat-niet");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Aanvraag bestaat-niet bestaat niet", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("FUNDING_APPLICATION_STATUS_SUBMITTED", (await GetAsync(id)).GetProperty("status").GetString());
    }
}
