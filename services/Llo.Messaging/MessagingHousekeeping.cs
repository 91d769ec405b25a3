using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Messaging;

/// <summary>
/// Deletes sent outbox rows and inbox ids older than <see cref="LloMessagingOptions.Retention"/>, in batches of
/// <see cref="LloMessagingOptions.HousekeepingBatchSize"/> so no statement holds many locks for long. Unsent and parked
/// rows are kept whatever their age. Instances running it side by side skip each other's rows.
/// </summary>
internal sealed class MessagingHousekeeping(
    IServiceProvider services,
    TimeProvider time,
    IOptions<LloMessagingOptions> options,
    ILogger<MessagingHousekeeping> logger) : BackgroundService
{
    private readonly LloMessagingOptions _options = options.Value;

    // The same database as the consumers' inbox: the outbox one, or else the service's own.
    private readonly NpgsqlDataSource? _database =
        services.GetService<MessagingDatabase>()?.DataSource ?? services.GetService<NpgsqlDataSource>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_database is not { } database) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MessagingSchema.EnsureAsync(database, stoppingToken);
                var cutoff = time.GetUtcNow() - _options.Retention;
                var outbox = await DeleteInBatchesAsync(
                    """
                    DELETE FROM messaging_outbox WHERE id IN (
                        SELECT id FROM messaging_outbox WHERE sent_at < @cutoff ORDER BY sent_at LIMIT @batch FOR UPDATE SKIP LOCKED)
                    """, cutoff, stoppingToken);
                var inbox = await DeleteInBatchesAsync(
                    """
                    DELETE FROM messaging_inbox WHERE (message_id, consumer) IN (
                        SELECT message_id, consumer FROM messaging_inbox WHERE processed_at < @cutoff ORDER BY processed_at LIMIT @batch FOR UPDATE SKIP LOCKED)
                    """, cutoff, stoppingToken);
                if (outbox + inbox > 0)
                    logger.LogInformation("Messaging housekeeping deleted {Outbox} sent outbox rows and {Inbox} inbox ids older than {Retention}",
                        outbox, inbox, _options.Retention);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Messaging housekeeping failed ({Error}); trying again in {Interval}", ex.GetType().Name, _options.HousekeepingInterval);
            }
            try { await Task.Delay(_options.HousekeepingInterval, time, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task<long> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            await using var command = _database!.CreateCommand(sql);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("batch", _options.HousekeepingBatchSize);
            var deleted = await command.ExecuteNonQueryAsync(ct);
            total += deleted;
            if (deleted < _options.HousekeepingBatchSize) return total;
        }
    }
}
