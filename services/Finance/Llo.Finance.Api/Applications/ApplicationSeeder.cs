using Llo.Finance.Api.Budgets;
using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Applications;

/// <summary>
/// Registers the plan's funding applications (<see cref="PlanSeed"/>) on start, under the plan's ids, with the same
/// setting as the budget (<see cref="BudgetSeeder.SettingName"/>). Idempotent: an application that is there (perhaps
/// moved on since) is left as it is.
/// </summary>
public sealed class ApplicationSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<ApplicationSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(BudgetSeeder.SettingName, defaultValue: true))
        {
            return;
        }

        var now = StoredTime.Now(time);
        var applications = PlanSeed.Load().Applications;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var application in applications)
        {
            var stored = StoredApplication.From(application, (int)Math.Round(application.Probability * 100m), 1, now, now);
            inserted += await ApplicationStore.InsertAsync(tx, stored, cancellationToken) ? 1 : 0;
        }

        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Demo seed: {Inserted} of {Total} funding applications inserted", inserted, applications.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
