using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Planning;

/// <summary>
/// POST /api/finance/v1/plans:realise over the seeded plan: nothing is granted or paid yet, so nothing is secured; the
/// three applications (3 × 100.000 at 50%) and the contributions (45.000 at 50%) are expected at 172.500 in 2022.
/// </summary>
public sealed class RealisePlanApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Realise = "/api/finance/v1/plans:realise";

    private async Task<HttpResponseMessage> PostAsync(object body, HttpClient? client = null) =>
        await (client ?? host.Json).SendAsync(Json(HttpMethod.Post, Realise, body));

    private static string Coverage(JsonElement outcome, string line) =>
        outcome.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("expenseLineId").GetString() == line).GetProperty("coverage").GetString()!;

    private static IEnumerable<string> Fields(JsonElement error) =>
        error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .Select(v => v.GetProperty("field").GetString()!);

    [Fact]
    public async Task The_plans_2022_baseline_expects_172500_and_covers_the_programme_manager_only_with_expected_money()
    {
        var plan = await BodyAsync(await PostAsync(new { year = 2022 }, host.As(User(TestOrganisations.Two, LloRoles.MunicipalityAnalyst))));
        var baseline = plan.GetProperty("baseline");

        Assert.Equal(0m, Euros(baseline.GetProperty("securedIncome")));
        Assert.Equal(172_500m, Euros(baseline.GetProperty("expectedIncome")));
        Assert.Equal(345_000m, Euros(baseline.GetProperty("plannedExpenses")));
        Assert.Equal(345_000m * 1.21m, Euros(baseline.GetProperty("plannedExpensesIncludingVat")));
        Assert.Equal(-172_500m, Euros(baseline.GetProperty("expectedBalance")));
        Assert.Equal("programmamanager", baseline.GetProperty("lines")[0].GetProperty("expenseLineId").GetString());
        Assert.Equal("COVERAGE_EXPECTED", Coverage(baseline, "programmamanager"));
        Assert.Equal("COVERAGE_NOT_COVERED", Coverage(baseline, "projectleider-school-naar-werk"));
        Assert.Equal(7_500m, Euros(baseline.GetProperty("lines")[1].GetProperty("shortfall")));
        Assert.Equal(8, baseline.GetProperty("income").GetArrayLength());
        Assert.Equal(1, plan.GetProperty("budgetVersion").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Scenarios_side_by_side_show_what_a_rejection_a_grant_and_a_partner_that_does_not_pay_change()
    {
        var plan = await BodyAsync(await PostAsync(new
        {
            year = 2022,
            scenarios = new object[]
            {
                new { name = "BZK wijst af", changes = new[] { new { funderRejects = "BZK" } } },
                new { name = "Programmamanager toegekend", changes = new[] { new { applicationGranted = new { applicationId = "programmamanagement" } } } },
                new { name = "Schiedam draagt niet bij", changes = new[] { new { partnerDoesNotContribute = TestOrganisations.One.ToString() } } },
            },
        }));
        var scenarios = plan.GetProperty("scenarios");
        var bzk = scenarios[0];
        var granted = scenarios[1];
        var schiedam = scenarios[2];

        Assert.Equal("BZK wijst af", bzk.GetProperty("name").GetString());
        Assert.Equal(-100_000m, Euros(bzk.GetProperty("difference").GetProperty("expectedIncome")));
        Assert.Equal("COVERAGE_NOT_COVERED", Coverage(bzk.GetProperty("outcome"), "programmamanager"));
        Assert.Contains(bzk.GetProperty("difference").GetProperty("shifts").EnumerateArray(), s => s.GetProperty("expenseLineId").GetString() == "programmamanager");
        Assert.Contains("Programmamanager LLO", bzk.GetProperty("difference").GetProperty("summary").GetString());

        Assert.Equal(100_000m, Euros(granted.GetProperty("outcome").GetProperty("securedIncome")));
        Assert.Equal("COVERAGE_SECURED", Coverage(granted.GetProperty("outcome"), "programmamanager"));

        Assert.Equal(-2_500m, Euros(schiedam.GetProperty("difference").GetProperty("expectedIncome")));
    }

    [Fact]
    public async Task A_co_financing_rule_the_money_does_not_meet_is_named_with_its_figures()
    {
        var plan = await BodyAsync(await PostAsync(new { year = 2022, coFinancingRules = new[] { new { funder = "BZK", requiredOwnSharePercent = 50 } } }));
        var broken = plan.GetProperty("baseline").GetProperty("brokenRules").EnumerateArray().ToList();

        Assert.Equal(["programmamanagement", "projectbegeleiding-werk-naar-werk"], broken.Select(r => r.GetProperty("applicationId").GetString()).Order());
        Assert.All(broken, r => Assert.StartsWith("Cofinanciering BZK (2022", r.GetProperty("message").GetString()));
        Assert.Equal(172_500m, Euros(broken[0].GetProperty("requiredOwnContribution")));
    }

    [Fact]
    public async Task Bad_scenarios_and_years_are_400_naming_the_field_in_Dutch()
    {
        var outside = await BodyAsync(await PostAsync(new { year = 2031 }), HttpStatusCode.BadRequest);
        var bad = await BodyAsync(await PostAsync(new
        {
            year = 2022,
            scenarios = new object[]
            {
                new { name = "Leeg", changes = Array.Empty<object>() },
                new { name = "Niets gekozen", changes = new[] { new { } } },
            },
            coFinancingRules = new[] { new { funder = "Onbekend fonds", requiredOwnSharePercent = 150 } },
        }), HttpStatusCode.BadRequest);
        var unknown = await BodyAsync(await PostAsync(new
        {
            year = 2022,
            scenarios = new object[]
            {
                new { name = "Onbekend", changes = new object[] { new { applicationRejected = "bestaat-niet" }, new { partnerDoesNotContribute = "Gemeente Rotterdam" } } },
            },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["year"], Fields(outside));
        Assert.Contains("Het jaar 2031 valt buiten de begroting", outside.GetRawText());
        Assert.Equal(
            ["coFinancingRules[0].funder", "coFinancingRules[0].requiredOwnSharePercent", "scenarios[0].changes", "scenarios[1].changes[0]"],
            Fields(bad).Order());
        Assert.Equal(["scenarios[0].changes[0]", "scenarios[0].changes[1]"], Fields(unknown).Order());
        Assert.Contains("de aanvraag 'bestaat-niet' bestaat niet", unknown.GetRawText());
    }

    [Fact]
    public async Task A_scenario_that_drops_a_line_that_does_not_exist_is_400_naming_the_change()
    {
        var error = await BodyAsync(await PostAsync(new
        {
            year = 2022, scenarios = new object[] { new { name = "Schrappen", changes = new[] { new { expenseLineDropped = "bestaat-niet" } } } },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["scenarios[0].changes[0]"], Fields(error));
        Assert.Contains("de uitgavenregel 'bestaat-niet' bestaat niet", error.GetRawText());
    }
}
