using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using static Llo.Finance.Tests.Infrastructure.ApplicationRequests;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.RateCards;

/// <summary>A part of a year and fewer hours on the rate card (its own database: it changes the plan's 2022 figures).</summary>
public sealed class RateCardPartYearTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string RateCards = "/api/finance/v1/rateCards";

    private Task<HttpResponseMessage> PatchAsync(int year, string role, object body) =>
        host.Json.SendAsync(Json(HttpMethod.Patch, $"{RateCards}/{year}/roles/{role}", body));

    private static decimal LineIn(JsonElement budgetYear, string id) =>
        Euros(budgetYear.GetProperty("expenses").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id).GetProperty("amount"));

    [Fact]
    public async Task A_part_year_and_fewer_hours_change_the_line_and_a_change_that_changes_nothing_keeps_the_version()
    {
        var card = await BodyAsync(await host.Json.GetAsync($"{RateCards}/2022"));
        var manager = card.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "programmamanager");
        var version = manager.GetProperty("version").GetInt64();

        var update = await BodyAsync(await PatchAsync(2022, "programmamanager", new
        {
            version,
            role = new { hoursPerWeek = 16, assignments = new[] { new { expenseLineId = "programmamanager", partOfYear = 0.5 } } },
            updateMask = "hoursPerWeek,assignments",
        }));
        var again = await BodyAsync(await PatchAsync(2022, "programmamanager", new
        {
            version = version + 1, role = new { hoursPerWeek = 16 }, updateMask = "hoursPerWeek",
        }));

        // 110 × 16 × 45 × 0,5 = 39.600
        Assert.Equal(39_600m, Euros(update.GetProperty("role").GetProperty("totalCost")));
        Assert.Equal(39_600m, LineIn(await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets/2022")), "programmamanager"));
        Assert.Equal(version + 1, again.GetProperty("role").GetProperty("version").GetInt64());
        Assert.False(again.TryGetProperty("changes", out var none) && none.GetArrayLength() > 0);
        Assert.Equal(update.GetProperty("budgetVersion").GetProperty("number").GetInt32(), again.GetProperty("budgetVersion").GetProperty("number").GetInt32());
    }
}
