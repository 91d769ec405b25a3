using Llo.Finance.Domain.Seed;
using Npgsql;

namespace Llo.Finance.Api.Budgets;

/// <summary>
/// What the seeders of the plan's applications, rate card and contributions share: the budget's setting
/// (<see cref="BudgetSeeder.SettingName"/>, default on) and inserting their rows in one transaction on start, where a row
/// whose id is taken stays as it is (it may have moved on since). Each kind says only which rows and how one is inserted.
/// </summary>
public abstract class PlanRowSeeder<TRow>(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger logger) : IHostedService
{
    /// <summary>The rows in the log line, in English ("funding applications").</summary>
    protected abstract string What { get; }

    protected abstract IReadOnlyList<TRow> Rows(PlanSeedData plan, DateTimeOffset now);

    /// <summary>True when the row was inserted, false when its id was there already.</summary>
    protected abstract Task<bool> InsertAsync(NpgsqlTransaction tx, TRow row, CancellationToken ct);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(BudgetSeeder.SettingName, defaultValue: true))
        {
            return;
        }

        var rows = Rows(PlanSeed.Load(), StoredTime.Now(time));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var row in rows)
        {
            inserted += await InsertAsync(tx, row, cancellationToken) ? 1 : 0;
        }

        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Demo seed: {Inserted} of {Total} {What} inserted", inserted, rows.Count, What);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
