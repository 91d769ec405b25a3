using System.Net;
using System.Text.Json;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Seed;
using Llo.Finance.Tests.Infrastructure;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Budgets;

/// <summary>The plan's budget, seeded on start into the service's own database, read back with totals the service computes.</summary>
public sealed class BudgetApiTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Budgets = "/api/finance/v1/budgets";

    private static decimal SumOf(JsonElement year, string lines) => year.GetProperty(lines).EnumerateArray().Sum(l => Euros(l.GetProperty("amount")));

    [Fact]
    public async Task The_plans_2022_totals_come_back_exactly_and_equal_the_sum_of_the_lines()
    {
        var year = await BodyAsync(await host.Json.GetAsync($"{Budgets}/2022"));

        Assert.Equal(2022, year.GetProperty("year").GetInt32());
        Assert.Equal(345_000m, Euros(year.GetProperty("incomeTotal")));
        Assert.Equal(345_000m, Euros(year.GetProperty("expenseTotal")));
        Assert.Equal(0m, Euros(year.GetProperty("balance")));
        Assert.Equal(345_000m, SumOf(year, "income"));
        Assert.Equal(345_000m, SumOf(year, "expenses"));
        Assert.Equal(PlanSeed.Load().Budget.IncomeLines.Count, year.GetProperty("income").GetArrayLength());
        Assert.Equal("v.13-01-2022", year.GetProperty("version").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Every_year_matches_the_totals_the_plan_prints()
    {
        var printed = PlanSeed.Load().PrintedTotals.Where(t => t.Kind is PrintedTotalKind.IncomeYear or PrintedTotalKind.ExpenseYear).ToList();
        Assert.Equal(6, printed.Count);
        foreach (var total in printed)
        {
            var year = await BodyAsync(await host.Json.GetAsync($"{Budgets}/{total.Year}"));
            var field = total.Kind == PrintedTotalKind.IncomeYear ? "incomeTotal" : "expenseTotal";
            Assert.True(total.Amount == Euros(year.GetProperty(field)), $"{total.Year} {field}: plan {total.Amount}, service {Euros(year.GetProperty(field))}");
        }
    }

    [Fact]
    public async Task The_list_names_the_years_of_the_budget()
    {
        var list = await BodyAsync(await host.Json.GetAsync(Budgets));

        Assert.Equal([2022, 2023, 2024], list.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(1, list.GetProperty("version").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task A_year_outside_the_budget_is_404_in_Dutch()
    {
        var response = await host.Json.GetAsync($"{Budgets}/2031");

        var body = await BodyAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Het jaar 2031 valt buiten de begroting", body.GetRawText());
    }

    [Theory]
    [InlineData("twintig")]
    [InlineData("22")]
    [InlineData("20222")]
    public async Task A_malformed_year_is_400_naming_the_field(string year)
    {
        var response = await host.Json.GetAsync($"{Budgets}/{year}");

        var body = await BodyAsync(response, HttpStatusCode.BadRequest);
        var violation = Assert.Single(body.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("fieldViolations", out var v) ? v.EnumerateArray() : default(JsonElement.ArrayEnumerator)));
        Assert.Equal("year", violation.GetProperty("field").GetString());
        Assert.StartsWith("Geen geldig jaar", violation.GetProperty("description").GetString());
    }
}
