using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Contributions;

/// <summary>
/// Records the contributions the plan names (<see cref="PlanSeed"/>: companies, the three municipalities, education
/// partners; committed, nothing invoiced or paid yet) under the seed's ids. Idempotent: a contribution that is there
/// (perhaps paid since) stays as it is.
/// </summary>
public sealed class ContributionSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<ContributionSeeder> logger)
    : PlanRowSeeder<StoredContribution>(dataSource, configuration, time, logger)
{
    protected override string What => "partner contributions";

    protected override IReadOnlyList<StoredContribution> Rows(PlanSeedData plan, DateTimeOffset now) =>
    [
        .. plan.Contributions.Select(c => new StoredContribution(c.Id, PlanPartners.Of(c.Partner), c.Partner, c.Category.ToString(), c.Year,
            Cents(c.Committed), Cents(c.Invoiced), Cents(c.Paid), c.CanPayFromExistingBudget, c.VatRecoverable, (int)Math.Round(c.Probability * 100m),
            c.IncomeLineId, c.Notes, null, 1, now, now)),
    ];

    protected override Task<bool> InsertAsync(NpgsqlTransaction tx, StoredContribution row, CancellationToken ct) => ContributionStore.InsertAsync(tx, row, ct);

    private static long Cents(decimal euros) => Llo.Contracts.Common.V1.Money.FromEuros(euros).Cents;
}
