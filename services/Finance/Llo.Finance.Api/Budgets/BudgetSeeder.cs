using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Budgets;

/// <summary>
/// Publishes the plan's budget 2022–2024 (<see cref="PlanSeed"/>) as version 1 on start when there is no version 1 yet
/// (config <c>Finance:SeedDemoData</c>, default true). Idempotent: a second start finds version 1 and writes nothing.
/// </summary>
public sealed class BudgetSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<BudgetSeeder> logger) : IHostedService
{
    public const string SettingName = "Finance:SeedDemoData";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SettingName, defaultValue: true))
        {
            return;
        }

        var budget = PlanSeed.Load().Budget;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var published = await BudgetStore.PublishAsync(tx, budget, StoredTime.Now(time), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Demo seed: the plan's budget {Label} {Outcome}", budget.Label, published ? "published as version 1" : "was there already");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
