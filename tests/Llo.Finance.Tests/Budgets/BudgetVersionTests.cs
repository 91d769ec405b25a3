using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Llo.Finance.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Budgets;

/// <summary>Versions: seeding twice writes nothing, a published change is what the API reads, the old version stays stored.</summary>
public sealed class BudgetVersionTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Budgets = "/api/finance/v1/budgets";

    [Fact]
    public async Task Seeding_again_changes_nothing_and_a_newer_version_is_the_one_read_while_the_old_stays_stored()
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var first = PlanSeed.Load().Budget;
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.False(await BudgetStore.PublishAsync(tx, first, DateTimeOffset.UtcNow, default));
            var lines = first.ExpenseLines.Select((l, i) => i == 0 ? l with { Amounts = l.Amounts.With(2022, l.Amounts.For(2022) + 1_000m) } : l);
            Assert.True(await BudgetStore.PublishAsync(tx, first.Revise("v.test", new DateOnly(2022, 3, 1), expenseLines: lines), DateTimeOffset.UtcNow, default));
            await tx.CommitAsync();
        }

        var year = await BodyAsync(await host.Json.GetAsync($"{Budgets}/2022"));
        Assert.Equal(2, year.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal(346_000m, Euros(year.GetProperty("expenseTotal")));
        Assert.Equal(345_000m, Euros(year.GetProperty("incomeTotal")));

        await using var reader = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM budget_versions", reader);
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }
}
