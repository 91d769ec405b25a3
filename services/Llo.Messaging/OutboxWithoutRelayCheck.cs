using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Llo.Messaging;

/// <summary>
/// Stops the start of a service that has written events to its outbox but runs no relay (AddLloMessaging without
/// UseOutbox): its events would wait for ever. A database that does not answer yet is no reason to refuse the start.
/// </summary>
internal sealed class OutboxWithoutRelayCheck(IServiceProvider services, ILogger<OutboxWithoutRelayCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<MessagingDatabase>() is not null) return;
        if (services.GetService<NpgsqlDataSource>() is not { } database) return;

        long waiting;
        try
        {
            await using var command = database.CreateCommand(
                """
                SELECT CASE WHEN to_regclass('messaging_outbox') IS NULL THEN 0
                            ELSE (SELECT count(*) FROM messaging_outbox WHERE sent_at IS NULL) END
                """);
            waiting = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning("Could not check the outbox at start ({Error})", ex.GetType().Name);
            return;
        }
        if (waiting > 0)
            throw new InvalidOperationException(
                $"The outbox of database '{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database}' holds {waiting} unsent events, " +
                "but this service runs no relay: call UseOutbox() after AddLloMessaging().");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
