using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// Publishes committed outbox rows to <c>llo.events</c> in order, persistently and with publisher confirms, then marks
/// them sent. When the broker or the database is away it backs off (exponentially, capped) and tries again; a row is
/// only marked sent after the broker confirmed it, so nothing is lost (a crash in between means a duplicate, which the
/// consumers' inbox absorbs).
/// </summary>
internal sealed class OutboxRelay(
    IServiceProvider services,
    MessagingDatabase database,
    MessagingMetrics metrics,
    IOptions<LloMessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly LloMessagingOptions _options = options.Value;
    private IChannel? _channel;

    private sealed record Row(Guid Id, string Type, int Version, DateTimeOffset OccurredAt, string Payload, string? TraceParent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var schemaReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schemaReady)
                {
                    await MessagingSchema.EnsureAsync(database.DataSource, stoppingToken);
                    schemaReady = true;
                }
                var sent = await RelayBatchAsync(stoppingToken);
                if (failures > 0) logger.LogInformation("Outbox relay recovered after {Failures} failed attempts", failures);
                failures = 0;
                if (sent < _options.RelayBatchSize) await Task.Delay(_options.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff.Delay(failures, _options.RetryDelay, _options.MaxRetryDelay);
                logger.LogWarning("Outbox relay could not publish ({Error}: {Reason}); retrying in {Delay}",
                    ex.GetType().Name, ex.Message, delay);
                await DropChannelAsync();
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await DropChannelAsync();
    }

    private async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        var rows = await LockUnsentAsync(tx, ct);
        if (rows.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        var channel = await EnsureChannelAsync(ct);
        var sent = new List<Guid>(rows.Count);
        Exception? failure = null;
        foreach (var row in rows)
        {
            try
            {
                await PublishAsync(channel, row, ct);
                sent.Add(row.Id);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Stop at the first failure so later events never overtake an earlier one.
                failure = ex;
                await RecordFailureAsync(tx, row.Id, ex, ct);
                break;
            }
        }

        await MarkSentAsync(tx, sent, ct);
        await tx.CommitAsync(ct);
        if (failure is not null) throw failure;
        return sent.Count;
    }

    private async Task<List<Row>> LockUnsentAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        // SKIP LOCKED lets several instances of a service relay side by side without sending a row twice.
        await using var command = new NpgsqlCommand(
            """
            SELECT id, type, version, occurred_at, payload::text, trace_parent
            FROM messaging_outbox
            WHERE sent_at IS NULL
            ORDER BY position
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, tx.Connection, tx);
        command.Parameters.AddWithValue("batch", _options.RelayBatchSize);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }

    private async Task PublishAsync(IChannel channel, Row row, CancellationToken ct)
    {
        // The publish span continues the trace of the request that committed the event.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity($"{row.Type} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", RabbitMqTopology.EventsExchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", row.Type);
        activity?.SetTag("messaging.message.id", row.Id.ToString());

        var envelope = new Envelope(row.Id, row.Type, row.Version, row.OccurredAt, activity?.Id ?? row.TraceParent, Attempt: 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        // Not mandatory: an event nobody subscribes to yet is not an error.
        await channel.BasicPublishAsync(RabbitMqTopology.EventsExchange, row.Type, mandatory: false,
            envelope.ToProperties(), System.Text.Encoding.UTF8.GetBytes(row.Payload), timeout.Token);
        metrics.Published(row.Type);
    }

    private static async Task MarkSentAsync(NpgsqlTransaction tx, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var command = new NpgsqlCommand(
            "UPDATE messaging_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)",
            tx.Connection, tx);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task RecordFailureAsync(NpgsqlTransaction tx, Guid id, Exception error, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE messaging_outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id", tx.Connection, tx);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", $"{error.GetType().Name}: {error.Message}");
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<IChannel> EnsureChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await DropChannelAsync();
        // Resolved lazily: the connection may not exist yet when the broker was down at start-up.
        var connection = services.GetRequiredService<IConnection>();
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await RabbitMqTopology.DeclareEventsExchangeAsync(channel, ct);
        return _channel = channel;
    }

    private async Task DropChannelAsync()
    {
        var channel = Interlocked.Exchange(ref _channel, null);
        if (channel is null) return;
        try { await channel.DisposeAsync(); }
        catch (Exception ex) { logger.LogDebug(ex, "Closing the relay channel failed"); }
    }
}
