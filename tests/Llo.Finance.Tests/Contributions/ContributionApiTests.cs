using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Contributions;

/// <summary>
/// Partner contributions over JSON: the plan's contributions seeded (they add up to the budget's partner lines), the
/// programme manager's changes, a partner editor who sees and confirms only its own, and the refusals.
/// </summary>
public sealed class ContributionApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Contributions = "/api/finance/v1/contributions";

    private static IEnumerable<string> Fields(JsonElement error) =>
        error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .Select(v => v.GetProperty("field").GetString()!);

    private async Task<JsonElement> GetAsync(string id) => await BodyAsync(await host.Json.GetAsync($"{Contributions}/{id}"));

    [Fact]
    public async Task The_plan_records_that_Schiedam_cannot_pay_from_existing_budgets_and_education_bears_the_VAT()
    {
        var schiedam = await GetAsync("gemeente-schiedam-2022");
        var vlaardingen = await GetAsync("gemeente-vlaardingen-2022");
        var education = await GetAsync("onderwijspartijen-2024");

        Assert.Equal("EXISTING_BUDGET_NO", schiedam.GetProperty("fields").GetProperty("existingBudget").GetString());
        Assert.Equal("EXISTING_BUDGET_YES", vlaardingen.GetProperty("fields").GetProperty("existingBudget").GetString());
        Assert.Equal(5_000m, Euros(schiedam.GetProperty("costToPartner")));
        Assert.Equal(19_000m * 1.21m, Euros(education.GetProperty("costToPartner")));
        Assert.Equal(19_000m * 0.21m, Euros(education.GetProperty("vat")));
    }

    [Fact]
    public async Task A_partner_editor_sees_and_confirms_only_its_own_organisations_contributions()
    {
        var schiedam = host.As(User(TestOrganisations.One, LloRoles.PartnerEditor));

        var own = await BodyAsync(await schiedam.GetAsync(Contributions));
        var other = await schiedam.GetAsync($"{Contributions}/gemeente-vlaardingen-2022");
        var otherList = await schiedam.GetAsync($"{Contributions}?organisationId={TestOrganisations.Two}");
        var version = (await GetAsync("gemeente-schiedam-2023")).GetProperty("version").GetInt64();
        var confirmed = await BodyAsync(await schiedam.SendAsync(Json(HttpMethod.Post, $"{Contributions}/gemeente-schiedam-2023:confirm", new { version })));
        var refused = await schiedam.SendAsync(Json(HttpMethod.Post, $"{Contributions}/gemeente-vlaardingen-2023:confirm", new { version = 1 }));

        Assert.Equal(["Gemeente Schiedam"], own.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("fields").GetProperty("partner").GetString()).Distinct());
        Assert.Equal(3, own.GetProperty("totalSize").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherList.StatusCode);
        Assert.True(confirmed.TryGetProperty("confirmedAt", out _));
        Assert.Equal(100, confirmed.GetProperty("fields").GetProperty("probabilityPercent").GetInt32());
        Assert.Equal(version + 1, confirmed.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((await GetAsync("gemeente-vlaardingen-2023")).TryGetProperty("confirmedAt", out _));
    }

    [Fact]
    public async Task The_programme_manager_records_an_invoice_and_a_payment_and_a_new_commitment_asks_for_a_new_confirmation()
    {
        var created = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, Contributions, new
        {
            organisationId = TestOrganisations.Two, partner = "Demo-Werkgever Maassluis BV", category = "PARTNER_CATEGORY_COMPANIES", year = 2023,
            committed = new { cents = "500000" }, vatRecoverable = true, probabilityPercent = 80, incomeLineId = "deelnemersbijdragen-bedrijven",
        })));
        var id = created.GetProperty("id").GetString()!;
        var confirmed = await BodyAsync(await host.As(User(TestOrganisations.Two, LloRoles.PartnerEditor))
            .SendAsync(Json(HttpMethod.Post, $"{Contributions}/{id}:confirm", new { version = 1 })));
        var paid = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Contributions}/{id}", new
        {
            version = 2, contribution = new { invoiced = new { cents = "500000" }, paid = new { cents = "200000" } }, updateMask = "invoiced,paid",
        })));
        var raised = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Contributions}/{id}", new
        {
            version = 3, contribution = new { committed = new { cents = "600000" } }, updateMask = "committed",
        })));

        Assert.Equal("1", created.GetProperty("version").ToString());
        Assert.True(paid.TryGetProperty("confirmedAt", out _));
        Assert.Equal(3_000m, Euros(paid.GetProperty("outstanding")));
        Assert.Equal(2_000m, Euros(paid.GetProperty("fields").GetProperty("paid")));
        Assert.False(raised.TryGetProperty("confirmedAt", out _));
        Assert.Equal(4, raised.GetProperty("version").GetInt64());
        Assert.Equal(confirmed.GetProperty("fields").GetProperty("organisationId").GetString(), raised.GetProperty("fields").GetProperty("organisationId").GetString());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_every_field_in_Dutch_and_stores_nothing()
    {
        var before = (await BodyAsync(await host.Json.GetAsync(Contributions))).GetProperty("totalSize").GetInt32();

        var error = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, Contributions, new
        {
            organisationId = "gemeente", partner = "", category = "PARTNER_CATEGORY_UNSPECIFIED", year = 2031,
            committed = new { cents = "-100" }, probabilityPercent = 101, incomeLineId = "bestaat-niet",
        })), HttpStatusCode.BadRequest);
        var tooMuch = await BodyAsync(await host.Json.SendAsync(Json(HttpMethod.Post, Contributions, new
        {
            organisationId = TestOrganisations.Two, partner = "Demo", category = "PARTNER_CATEGORY_COMPANIES", year = 2022,
            committed = new { cents = "1000" }, invoiced = new { cents = "2000" },
        })), HttpStatusCode.BadRequest);
        var stale = await host.Json.SendAsync(Json(HttpMethod.Patch, $"{Contributions}/bedrijven-2022", new
        {
            version = 9, contribution = new { paid = new { cents = "-1" } }, updateMask = "paid",
        }));
        var unknown = await host.Json.GetAsync($"{Contributions}/bestaat-niet-2022");

        Assert.Equal(
            ["contribution.category", "contribution.committed", "contribution.incomeLineId", "contribution.organisationId", "contribution.partner",
             "contribution.probabilityPercent", "contribution.year"],
            Fields(error).Order());
        Assert.Contains("valt buiten de begroting", error.GetRawText());
        Assert.Equal(["contribution.invoiced"], Fields(tooMuch));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, (await BodyAsync(await host.Json.GetAsync(Contributions))).GetProperty("totalSize").GetInt32());
    }
}
