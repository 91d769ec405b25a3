using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Llo.Persistence;

/// <summary>
/// Applies the service's schema before it takes requests (hosted services start in registration order, so whatever
/// is registered after it, such as demo seeding, finds the tables). A changed script stops the start.
/// </summary>
public sealed class SchemaInitializer(
    NpgsqlDataSource dataSource, SchemaPlan plan, SchemaReadiness readiness, ILogger<SchemaInitializer> logger) : IHostedService
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartupDeadline;
        while (true)
        {
            try
            {
                await SchemaRunner.ApplyAsync(dataSource, plan.Scripts, logger, cancellationToken);
                readiness.MarkReady();
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                // The database may still be starting (it is its own resource in the app host).
                logger.LogWarning("Database not reachable yet ({Reason}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
