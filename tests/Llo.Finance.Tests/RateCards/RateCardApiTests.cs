using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.RateCards;

/// <summary>
/// The plan's rate card per budget year, and a change of rate, hours or part of a year flowing into the budget's
/// staffing lines as a new budget version. Each test changes its own year, so their budget changes do not meet.
/// </summary>
public sealed class RateCardApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string RateCards = "/api/finance/v1/rateCards";

    private async Task<JsonElement> CardAsync(int year) => await BodyAsync(await host.Json.GetAsync($"{RateCards}/{year}"));

    private static JsonElement RoleIn(JsonElement card, string id) =>
        card.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static decimal LineIn(JsonElement budgetYear, string id) =>
        Euros(budgetYear.GetProperty("expenses").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id).GetProperty("amount"));

    private Task<HttpResponseMessage> PatchAsync(int year, string role, object body) =>
        host.Json.SendAsync(Json(HttpMethod.Patch, $"{RateCards}/{year}/roles/{role}", body));

    private static IEnumerable<string> Fields(JsonElement error) =>
        error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator))
            .Select(v => v.GetProperty("field").GetString()!);

    [Fact]
    public async Task The_plans_card_gives_the_plans_staffing_costs_for_every_year()
    {
        var card2022 = await CardAsync(2022);
        var card2024 = await CardAsync(2024);

        var manager = RoleIn(card2022, "programmamanager");
        Assert.Equal(110m, Euros(manager.GetProperty("fields").GetProperty("hourlyRate")));
        Assert.Equal(20d, manager.GetProperty("fields").GetProperty("hoursPerWeek").GetDouble());
        Assert.Equal(45d, manager.GetProperty("fields").GetProperty("weeksPerYear").GetDouble());
        Assert.Equal(99_000m, Euros(manager.GetProperty("yearlyCost")));
        Assert.Equal(81_000m, Euros(RoleIn(card2022, "projectleider").GetProperty("yearlyCost")));
        Assert.Equal(99_000m + 2 * 81_000m, Euros(card2022.GetProperty("totalCost")));
        Assert.Equal(Math.Round(261_000m * 1.21m, 2), Euros(card2022.GetProperty("totalCostIncludingVat")));

        // 2024: the project leaders for half a year, as the plan's 40.500 says.
        var leaders2024 = RoleIn(card2024, "projectleider");
        Assert.All(leaders2024.GetProperty("costs").EnumerateArray(), c => Assert.Equal(40_500m, Euros(c.GetProperty("cost"))));
        Assert.Equal(99_000m + 81_000m, Euros(card2024.GetProperty("totalCost")));
    }

    [Fact]
    public async Task A_rate_change_flows_into_that_years_staffing_lines_as_a_new_budget_version()
    {
        var role = RoleIn(await CardAsync(2023), "projectleider");
        var versionBefore = (await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets"))).GetProperty("version").GetProperty("number").GetInt32();

        var update = await BodyAsync(await PatchAsync(2023, "projectleider",
            new { version = role.GetProperty("version").GetInt64(), role = new { hourlyRate = new { cents = "9500" } }, updateMask = "hourlyRate" }));
        var budget2023 = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets/2023"));
        var budget2022 = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets/2022"));

        Assert.Equal(85_500m, Euros(update.GetProperty("role").GetProperty("yearlyCost")));
        Assert.Equal(2, update.GetProperty("changes").GetArrayLength());
        Assert.All(update.GetProperty("changes").EnumerateArray(), c =>
        {
            Assert.Equal(81_000m, Euros(c.GetProperty("before")));
            Assert.Equal(85_500m, Euros(c.GetProperty("after")));
        });
        Assert.Equal(versionBefore + 1, budget2023.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal(85_500m, LineIn(budget2023, "projectleider-school-naar-werk"));
        Assert.Equal(85_500m, LineIn(budget2023, "projectleider-werk-naar-werk"));
        Assert.Equal(345_000m + 2 * 4_500m, Euros(budget2023.GetProperty("expenseTotal")));
        Assert.Equal(81_000m, LineIn(budget2022, "projectleider-school-naar-werk"));
        Assert.Equal(2, update.GetProperty("role").GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Bad_values_are_400_naming_each_field_in_Dutch_and_change_nothing()
    {
        var before = RoleIn(await CardAsync(2024), "programmamanager");

        var error = await BodyAsync(await PatchAsync(2024, "programmamanager", new
        {
            version = before.GetProperty("version").GetInt64(),
            role = new
            {
                name = "Programmamanager",
                hourlyRate = new { cents = "-100" },
                hoursPerWeek = 80,
                weeksPerYear = 45,
                assignments = new[] { new { expenseLineId = "bestaat-niet", partOfYear = 1.5 } },
            },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["role.assignments[0].expenseLineId", "role.assignments[0].partOfYear", "role.hourlyRate", "role.hoursPerWeek"], Fields(error).Order());
        Assert.Contains("bestaat niet in begroting", error.GetRawText());
        Assert.Equal(before.GetRawText(), RoleIn(await CardAsync(2024), "programmamanager").GetRawText());
    }

    [Fact]
    public async Task A_line_of_another_role_an_unknown_role_a_year_outside_the_budget_and_a_stale_version_are_refused()
    {
        var leader = RoleIn(await CardAsync(2024), "projectleider");
        var version = leader.GetProperty("version").GetInt64();

        var taken = await BodyAsync(await PatchAsync(2024, "projectleider", new
        {
            version, role = new { assignments = new[] { new { expenseLineId = "programmamanager", partOfYear = 1 } } }, updateMask = "assignments",
        }), HttpStatusCode.BadRequest);
        var unknownRole = await BodyAsync(await PatchAsync(2024, "kwartiermaker", new { version = 1, role = new { name = "x" }, updateMask = "name" }), HttpStatusCode.NotFound);
        var outside = await BodyAsync(await host.Json.GetAsync($"{RateCards}/2031"), HttpStatusCode.NotFound);
        var stale = await BodyAsync(await PatchAsync(2024, "projectleider", new { version = version + 5, role = new { name = "x" }, updateMask = "name" }), HttpStatusCode.Conflict);

        Assert.Contains("hoort dit jaar al bij de rol 'programmamanager'", taken.GetRawText());
        Assert.Contains("staat niet op de tariefkaart van 2024", unknownRole.GetRawText());
        Assert.Contains("Het jaar 2031 valt buiten de begroting", outside.GetRawText());
        Assert.Equal(leader.GetRawText(), RoleIn(await CardAsync(2024), "projectleider").GetRawText());
        Assert.NotEqual(0, stale.GetProperty("code").GetInt32());
    }
}
