using Grpc.Core;
using Npgsql;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// Reads the inventory's whole project list, once the taxonomy is ready: at every start (so projects registered before
/// matching listened are known, skills are derived with the taxonomy now loaded, and events handled while it loaded get
/// their skills), and on demand (<see cref="InventoryProjectEndpoints"/>). Until the inventory answers, the start-up
/// sync tries again every few seconds. One list read per start: the region has hundreds of projects, not millions.
/// </summary>
public sealed partial class InventoryProjectSync(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, ILogger<InventoryProjectSync> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Stores every project the inventory has and forgets those it no longer lists; returns how many it holds.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<InventoryProjectReader>();
            var projects = await reader.ReadAllAsync(ct);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var listed = projects.Select(p => p.Id).ToHashSet();
            var gone = (await InventoryProjectStore.AllAsync(connection, ct)).Where(p => !listed.Contains(p.Id)).Select(p => p.Id).ToList();
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var project in projects)
            {
                await reader.ApplyAsync(tx, project.Id, project, ct);
            }

            foreach (var id in gone)
            {
                await reader.ApplyAsync(tx, id, null, ct);
            }

            await tx.CommitAsync(ct);
            LogSynced(projects.Count, gone.Count);
            return projects.Count;
        }
        finally
        {
            running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SyncAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RpcException or NpgsqlException or TimeoutException or HttpRequestException)
            {
                // The inventory, the database or the taxonomy is not there yet.
                if (attempt % 12 == 1)
                {
                    LogWaiting(exception.GetType().Name);
                }

                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory projects read: {Count} listed, {Gone} no longer there.")]
    private partial void LogSynced(int count, int gone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory projects not read yet ({Reason}); trying again.")]
    private partial void LogWaiting(string reason);
}
