using Llo.Inventory.Api.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Seed;

/// <summary>
/// Seeds the plan's seven 2022 projects on start (config <c>Inventory:SeedDemoData</c>, default true). Idempotent:
/// fixed ids and ON CONFLICT DO NOTHING, and a ProjectRegistered event only for a row that was really inserted.
/// </summary>
public sealed class DemoSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string SettingName = "Inventory:SeedDemoData";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SettingName, defaultValue: true))
        {
            return;
        }

        var inserted = await SeedAsync(dataSource, cancellationToken);
        logger.LogInformation("Demo seed: {Inserted} of {Total} projects inserted", inserted, DemoProjects.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts the demo projects that are missing; returns how many were inserted.</summary>
    public static async Task<int> SeedAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = 0;
        var now = Clock.UtcNow();
        foreach (var (id, data) in DemoProjects.All)
        {
            var project = new StoredProject(id, data, 1, false, now, now);
            if (await ProjectStore.InsertAsync(tx, project, ct))
            {
                await ProjectEvents.RegisteredAsync(tx, project, ct);
                inserted++;
            }
        }

        await tx.CommitAsync(ct);
        return inserted;
    }
}
