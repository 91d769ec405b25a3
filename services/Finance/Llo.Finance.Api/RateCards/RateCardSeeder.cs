using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.RateCards;

/// <summary>
/// Puts the plan's rate card (<see cref="PlanSeed"/>: programme manager €110, project leaders €90, 20 hours a week,
/// 45 weeks a year) on every year of the plan's budget, each role with the staffing lines the plan links to it, with
/// the budget's setting (<see cref="BudgetSeeder.SettingName"/>). Idempotent: a role that is there is left as it is.
/// </summary>
public sealed class RateCardSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<RateCardSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(BudgetSeeder.SettingName, defaultValue: true))
        {
            return;
        }

        var plan = PlanSeed.Load();
        var now = StoredTime.Now(time);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var year in plan.Budget.Years)
        {
            var position = 0;
            foreach (var role in plan.RateCard.Roles)
            {
                var shares = plan.Budget.ExpenseLines
                    .Where(l => l.Staffing is { } s && s.RoleId == role.Id && s.Years.ContainsKey(year))
                    .Select(l => new StaffingShare(l.Id, l.Staffing!.Years[year].Fraction));
                var stored = new StoredRateCardRole(year, role.Id, position++, role.Name, (long)(role.HourlyRate * 100m), role.HoursPerWeek, role.WeeksPerYear,
                    StoredRateCardRole.SharesJson(shares), 1, now);
                inserted += await RateCardStore.InsertAsync(tx, stored, cancellationToken) ? 1 : 0;
            }
        }

        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Demo seed: {Inserted} rate card roles inserted", inserted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
