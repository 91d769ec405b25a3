using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.EndToEnd.Tests;

/// <summary>
/// Issue 10 end to end, through the gateway with demo users' tokens: the programme manager reads the plan's budget, asks
/// the realisation planner what a rejected BZK application would mean, and downloads the report as a spreadsheet; a
/// partner's editor sees only their own organisation's contributions; bad input is refused with the field named.
/// </summary>
[Collection(LloPlatform.Name)]
public sealed class FinanceThroughGatewayTests(LloAppFixture fixture)
{
    private const string DemoOrganisationOne = "11111111-1111-4111-8111-111111111111";

    [Fact]
    public async Task The_programme_manager_reads_the_budget_plans_a_scenario_and_downloads_the_report_and_a_partner_sees_only_their_own_contributions()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        using var manager = await GatewayAsAsync("programme-manager@demo1.llo.test", ct);

        var year = await BodyAsync(await manager.GetAsync("/api/finance/v1/budgets/2022", ct), ct);
        Assert.Equal(345_000m, Euros(year.GetProperty("incomeTotal")));
        Assert.Equal(345_000m, Euros(year.GetProperty("expenseTotal")));

        var plan = await BodyAsync(await manager.PostAsJsonAsync("/api/finance/v1/plans:realise", new
        {
            year = 2022,
            scenarios = new[] { new { name = "BZK wijst af", changes = new[] { new { funderRejects = "BZK" } } } },
        }, ct), ct);
        var scenario = Assert.Single(plan.GetProperty("scenarios").EnumerateArray());
        Assert.True(Euros(scenario.GetProperty("difference").GetProperty("expectedIncome")) < 0, scenario.ToString());

        var refused = await manager.PostAsJsonAsync("/api/finance/v1/plans:realise", new { year = 2099 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("year", await refused.Content.ReadAsStringAsync(ct));

        using var report = await manager.GetAsync("/api/finance/v1/budgets/2022/report.xlsx", ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var workbook = await report.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal("PK"u8.ToArray(), workbook[..2]); // an .xlsx is a zip package

        using var partner = await GatewayAsAsync("partner-editor@demo1.llo.test", ct);
        var contributions = await BodyAsync(await partner.GetAsync("/api/finance/v1/contributions", ct), ct);
        var own = contributions.GetProperty("contributions").EnumerateArray().ToList();
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.Equal(DemoOrganisationOne, c.GetProperty("fields").GetProperty("organisationId").GetString()));
    }

    [Fact]
    public async Task A_co_financing_rule_the_programme_manager_stores_is_checked_by_the_planner_and_named_when_broken()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        using var manager = await GatewayAsAsync("programme-manager@demo1.llo.test", ct);

        // IQ for 2023 only, so no other test's plan for 2022 meets it; removed again at the end.
        var rule = await BodyAsync(await manager.PostAsJsonAsync("/api/finance/v1/coFinancingRules",
            new { funder = "IQ", requiredOwnSharePercent = 90, firstYear = 2023, lastYear = 2023 }, ct), ct);
        var id = rule.GetProperty("id").GetString()!;
        try
        {
            var plan = await BodyAsync(await manager.PostAsJsonAsync("/api/finance/v1/plans:realise", new { year = 2023 }, ct), ct);
            var broken = plan.GetProperty("baseline").GetProperty("brokenRules").EnumerateArray().Where(r => r.GetProperty("ruleId").ToString() == id).ToList();
            Assert.NotEmpty(broken);
            Assert.All(broken, r => Assert.StartsWith("Cofinanciering IQ (2023", r.GetProperty("message").GetString()));

            var refused = await manager.PostAsJsonAsync("/api/finance/v1/coFinancingRules", new { funder = "IQ", requiredOwnSharePercent = 150 }, ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("rule.requiredOwnSharePercent", await refused.Content.ReadAsStringAsync(ct));
        }
        finally
        {
            using var removed = await manager.DeleteAsync($"/api/finance/v1/coFinancingRules/{id}", CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
    }

    private async Task<HttpClient> GatewayAsAsync(string userName, CancellationToken ct)
    {
        var gateway = fixture.App.CreateHttpClient("gateway", "http");
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", await DemoTokens.AccessTokenAsync(gateway, userName, "openid finance.read finance.write", ct));
        return gateway;
    }

    private static decimal Euros(JsonElement money) =>
        money.TryGetProperty("cents", out var cents) ? long.Parse(cents.ToString()) / 100m : 0m;

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
