using Llo.Inventory.Api.Agenda;
using Llo.Inventory.Api.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Seed;

/// <summary>
/// Seeds the plan's seven 2022 projects and its dated meetings on start (config <c>Inventory:SeedDemoData</c>, default
/// true). Idempotent: fixed ids and ON CONFLICT DO NOTHING, and a ProjectRegistered event only for a row that was
/// really inserted. Operators run it again with <c>POST /admin/demo-data:reseed</c>.
/// </summary>
public sealed class DemoSeeder(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string SettingName = "Inventory:SeedDemoData";

    /// <summary>How many demo rows a run inserted (0 and 0 when everything was there already).</summary>
    public sealed record Result(int Projects, int AgendaItems)
    {
        public int Total => Projects + AgendaItems;
    }

    public bool Enabled => configuration.GetValue(SettingName, defaultValue: true);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            await RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var result = await SeedAsync(dataSource, time, ct);
        logger.LogInformation("Demo seed: {Projects} of {ProjectTotal} projects and {AgendaItems} of {AgendaTotal} agenda items inserted",
            result.Projects, DemoProjects.All.Count, result.AgendaItems, DemoAgenda.All.Count);
        return result;
    }

    /// <summary>Inserts the demo projects and agenda items that are missing, in one transaction.</summary>
    public static async Task<Result> SeedAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = StoredTime.Now(time);
        var projects = 0;
        foreach (var (id, data) in DemoProjects.All)
        {
            var project = new StoredProject(id, data, 1, false, now, now);
            if (await ProjectStore.InsertAsync(tx, project, ct))
            {
                await ProjectEvents.RegisteredAsync(tx, project, ct);
                projects++;
            }
        }

        // After the projects, which the meetings link to.
        var agendaItems = 0;
        foreach (var (id, item) in DemoAgenda.All)
        {
            if (await AgendaStore.InsertAsync(tx, new StoredAgendaItem(id, item, 1, now, now), ct))
            {
                agendaItems++;
            }
        }

        await tx.CommitAsync(ct);
        return new Result(projects, agendaItems);
    }
}
