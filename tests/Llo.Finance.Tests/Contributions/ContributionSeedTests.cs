using System.Net;
using System.Text.Json;
using Llo.Finance.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Contributions;

/// <summary>The plan's contributions as seeded, in a database of their own so no other test's contribution counts.</summary>
public sealed class ContributionSeedTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Contributions = "/api/finance/v1/contributions";

    private static decimal Total(JsonElement list, string category, string amount = "committed") =>
        list.GetProperty("totals").EnumerateArray()
            .Where(t => t.GetProperty("category").GetString() == category)
            .Select(t => Euros(t.GetProperty(amount))).SingleOrDefault();

    [Theory]
    [InlineData(2022, 15_000, 15_000, 15_000)]
    [InlineData(2023, 15_000, 15_000, 15_000)]
    [InlineData(2024, 30_000, 15_000, 19_000)]
    public async Task The_plans_contributions_are_seeded_and_add_up_to_the_budgets_partner_lines(int year, int companies, int municipalities, int education)
    {
        var list = await BodyAsync(await host.Json.GetAsync($"{Contributions}?year={year}"));
        var budget = await BodyAsync(await host.Json.GetAsync($"/api/finance/v1/budgets/{year}"));
        decimal Line(string id) => Euros(budget.GetProperty("income").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id).GetProperty("amount"));

        Assert.Equal(5, list.GetProperty("totalSize").GetInt32());
        Assert.Equal(companies, Total(list, "PARTNER_CATEGORY_COMPANIES"));
        Assert.Equal(municipalities, Total(list, "PARTNER_CATEGORY_MUNICIPALITIES"));
        Assert.Equal(education, Total(list, "PARTNER_CATEGORY_EDUCATION"));
        Assert.Equal(Line("deelnemersbijdragen-bedrijven"), Total(list, "PARTNER_CATEGORY_COMPANIES"));
        Assert.Equal(Line("deelnemersbijdragen-gemeenten"), Total(list, "PARTNER_CATEGORY_MUNICIPALITIES"));
        Assert.Equal(Line("deelnemersbijdragen-onderwijs"), Total(list, "PARTNER_CATEGORY_EDUCATION"));
    }

    [Fact]
    public async Task Seeding_again_as_on_a_second_start_changes_nothing()
    {
        var before = await BodyAsync(await host.Json.GetAsync(Contributions));
        var cardBefore = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/rateCards/2022"));
        var seeders = host.Services.GetServices<IHostedService>().Where(s => s.GetType().Name.EndsWith("Seeder", StringComparison.Ordinal)).ToList();

        foreach (var seeder in seeders)
        {
            await seeder.StartAsync(CancellationToken.None);
        }

        Assert.True(seeders.Count >= 4, $"Only {seeders.Count} seeders found");
        Assert.Equal(15, before.GetProperty("totalSize").GetInt32());
        Assert.Equal(before.GetRawText(), (await BodyAsync(await host.Json.GetAsync(Contributions))).GetRawText());
        Assert.Equal(cardBefore.GetRawText(), (await BodyAsync(await host.Json.GetAsync("/api/finance/v1/rateCards/2022"))).GetRawText());
        Assert.Equal(1, cardBefore.GetProperty("budgetVersion").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task A_year_outside_the_budget_or_a_malformed_organisation_is_400_naming_the_field()
    {
        var year = await BodyAsync(await host.Json.GetAsync($"{Contributions}?year=2031"), HttpStatusCode.BadRequest);
        var organisation = await BodyAsync(await host.Json.GetAsync($"{Contributions}?organisationId=schiedam"), HttpStatusCode.BadRequest);

        Assert.Contains("\"year\"", year.GetRawText());
        Assert.Contains("Het jaar 2031 valt buiten de begroting", year.GetRawText());
        Assert.Contains("\"organisationId\"", organisation.GetRawText());
    }
}
