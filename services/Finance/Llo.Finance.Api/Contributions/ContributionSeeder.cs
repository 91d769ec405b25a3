using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Contributions;

/// <summary>
/// Records the contributions the plan names (<see cref="PlanSeed"/>: companies, the three municipalities, education
/// partners; committed, nothing invoiced or paid yet) under the seed's ids, with the budget's setting
/// (<see cref="BudgetSeeder.SettingName"/>). Idempotent: a contribution that is there (perhaps paid since) stays as it is.
/// </summary>
public sealed class ContributionSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<ContributionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(BudgetSeeder.SettingName, defaultValue: true))
        {
            return;
        }

        var now = StoredTime.Now(time);
        var contributions = PlanSeed.Load().Contributions;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var c in contributions)
        {
            var stored = new StoredContribution(c.Id, PlanPartners.Of(c.Partner), c.Partner, c.Category.ToString(), c.Year,
                Cents(c.Committed), Cents(c.Invoiced), Cents(c.Paid), c.CanPayFromExistingBudget, c.VatRecoverable, (int)Math.Round(c.Probability * 100m),
                c.IncomeLineId, c.Notes, null, 1, now, now);
            inserted += await ContributionStore.InsertAsync(tx, stored, cancellationToken) ? 1 : 0;
        }

        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Demo seed: {Inserted} of {Total} partner contributions inserted", inserted, contributions.Count);
    }

    private static long Cents(decimal euros) => Llo.Contracts.Common.V1.Money.FromEuros(euros).Cents;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
