using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.RateCards;

/// <summary>
/// Puts the plan's rate card (<see cref="PlanSeed"/>: programme manager €110, project leaders €90, 20 hours a week,
/// 45 weeks a year) on every year of the plan's budget, each role with the staffing lines the plan links to it.
/// Idempotent: a role that is there is left as it is.
/// </summary>
public sealed class RateCardSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<RateCardSeeder> logger)
    : PlanRowSeeder<StoredRateCardRole>(dataSource, configuration, time, logger)
{
    protected override string What => "rate card roles";

    protected override IReadOnlyList<StoredRateCardRole> Rows(PlanSeedData plan, DateTimeOffset now) =>
    [
        .. plan.Budget.Years.SelectMany(year => plan.RateCard.Roles.Select((role, position) =>
        {
            var shares = plan.Budget.ExpenseLines
                .Where(l => l.Staffing is { } s && s.RoleId == role.Id && s.Years.ContainsKey(year))
                .Select(l => new StaffingShare(l.Id, l.Staffing!.Years[year].Fraction));
            return new StoredRateCardRole(year, role.Id, position, role.Name, (long)(role.HourlyRate * 100m), role.HoursPerWeek, role.WeeksPerYear,
                StoredRateCardRole.SharesJson(shares), 1, now);
        })),
    ];

    protected override Task<bool> InsertAsync(NpgsqlTransaction tx, StoredRateCardRole row, CancellationToken ct) => RateCardStore.InsertAsync(tx, row, ct);
}
