using System.Data;
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
/// Of several instances of a service only one relays a database's outbox, the one holding a session advisory lock on
/// it; the others stand by and take over when its session ends. A row the broker refuses
/// <see cref="LloMessagingOptions.RelayMaxAttempts"/> times is parked: the relay goes on with the rows after it, except
/// the later rows of the same aggregate, which wait with it.
/// </summary>
internal sealed class OutboxRelay(
    IServiceProvider services,
    MessagingDatabase database,
    MessagingMetrics metrics,
    MessagingHealth health,
    TimeProvider time,
    IOptions<LloMessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    // Held by the active relay's session for as long as it lives ("LloRly"); advisory locks are per database.
    private const long RelayLock = 84028607525736;

    private readonly LloMessagingOptions _options = options.Value;
    private IChannel? _channel;
    private NpgsqlConnection? _leader;
    private bool _standingBy;
    private DateTimeOffset _parkedCheckedAt = DateTimeOffset.MinValue;

    /// <summary>The first pause after a read missed a row enqueued in this process (its commit had not landed yet).</summary>
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(1);

    // Set by Outbox.Enqueued in this process; the loop waits on _wake instead of sleeping the whole poll interval.
    private int _enqueued;
    private TaskCompletionSource _wake = NewWake();

    private sealed record Row(
        Guid Id, string Type, int Version, DateTimeOffset OccurredAt, string Payload, string? TraceParent, string? AggregateId, long? AggregateVersion);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Outbox.Enqueued += OnEnqueued;
        try
        {
            await RelayAsync(stoppingToken);
        }
        finally
        {
            Outbox.Enqueued -= OnEnqueued;
        }
    }

    private async Task RelayAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var schemaReady = false;
        var committing = false; // a write enqueued here since the last read that found rows
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schemaReady)
                {
                    await MessagingSchema.EnsureAsync(database.DataSource, stoppingToken);
                    schemaReady = true;
                }
                if (!await LeadAsync(stoppingToken))
                {
                    await Task.Delay(_options.RelayStandbyInterval, stoppingToken);
                    continue;
                }
                // A write enqueued from here on wakes the wait below, also if it comes while the rows are read.
                if (_wake.Task.IsCompleted) Volatile.Write(ref _wake, NewWake());
                var wake = _wake;
                committing |= Interlocked.Exchange(ref _enqueued, 0) == 1;
                var sent = await RelayBatchAsync(stoppingToken);
                await CheckParkedAsync(stoppingToken);
                if (failures > 0) logger.LogInformation("Outbox relay recovered after {Failures} failed attempts", failures);
                failures = 0;
                if (sent > 0)
                {
                    // More may have committed meanwhile: look again at once, until a read finds nothing.
                    (committing, backoff) = (false, TimeSpan.Zero);
                    continue;
                }

                // A write enqueued here but not found yet is still committing: look again soon, a little later each time,
                // up to the poll interval; otherwise sleep that interval (or until a write here wakes it).
                backoff = committing ? (backoff == TimeSpan.Zero ? FirstPause : backoff * 2) : TimeSpan.Zero;
                if (backoff >= _options.RelayPollInterval) (committing, backoff) = (false, TimeSpan.Zero);
                var pause = committing ? backoff : _options.RelayPollInterval;
                await Task.WhenAny(wake.Task, Task.Delay(pause, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
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
                if (_leader is { FullState: not ConnectionState.Open }) await StepDownAsync();
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await DropChannelAsync();
        await StepDownAsync();
    }

    /// <summary>A write in this process enqueued an event: wake the relay (the write commits soon, or not at all).</summary>
    private void OnEnqueued()
    {
        Interlocked.Exchange(ref _enqueued, 1);
        Volatile.Read(ref _wake).TrySetResult();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while this instance holds the relay lock; tries to take it when it does not.</summary>
    private async Task<bool> LeadAsync(CancellationToken ct)
    {
        if (_leader is { FullState: ConnectionState.Open }) return true;
        await StepDownAsync();

        var connection = await database.DataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", RelayLock);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                _leader = connection;
                logger.LogInformation("This instance now relays the outbox of database {Database}", connection.Database);
                _standingBy = false;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        if (!_standingBy) logger.LogInformation("Another instance relays the outbox of database {Database}; standing by", connection.Database);
        _standingBy = true;
        return false;
    }

    private async Task StepDownAsync()
    {
        var leader = Interlocked.Exchange(ref _leader, null);
        if (leader is null) return;
        try
        {
            // A pooled connection keeps its session: release the lock explicitly so a standby can take over at once.
            if (leader.FullState == ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", leader);
                command.Parameters.AddWithValue("key", RelayLock);
                await command.ExecuteScalarAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Releasing the relay lock failed; it ends with the session");
        }
        await leader.DisposeAsync();
    }

    private async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var tx = await _leader!.BeginTransactionAsync(ct);

        var rows = await ReadUnsentAsync(tx, ct);
        if (rows.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        var channel = await EnsureChannelAsync(ct);
        var sent = new List<Guid>(rows.Count);
        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        Exception? failure = null;
        foreach (var window in Windows(rows, heldBack))
        {
            var unconfirmed = await PublishWindowAsync(channel, window, sent, ct);
            // One row that fails may close the channel under the others, so who is to blame is found one by one.
            foreach (var row in unconfirmed)
            {
                if (row.AggregateId is not null && heldBack.Contains(row.AggregateId)) continue;
                try
                {
                    channel = await EnsureChannelAsync(ct);
                    await PublishAsync(channel, row, ct);
                    sent.Add(row.Id);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    if (!RefusedByTheBroker(ex) || !await RecordRefusalAsync(tx, row, ex, ct))
                    {
                        // The broker is away (not refusing this row), or the row is not parked yet: stop so later
                        // events never overtake it.
                        failure = ex;
                        break;
                    }
                    // Parked: the rows after it go on, but the later events of its aggregate wait with it.
                    if (row.AggregateId is not null) heldBack.Add(row.AggregateId);
                }
            }

            if (failure is not null) break;
            if (!channel.IsOpen) channel = await EnsureChannelAsync(ct);
        }

        await MarkSentAsync(tx, sent, ct);
        await tx.CommitAsync(ct);
        if (failure is not null) throw failure;
        return rows.Count;
    }

    /// <summary>
    /// Publishes the window's rows with their confirms in flight together (a quorum queue confirms after a disk sync, so
    /// one confirm at a time caps the relay at a few hundred rows a second); adds the confirmed ones to
    /// <paramref name="sent"/> and returns the others, in order.
    /// </summary>
    private async Task<List<Row>> PublishWindowAsync(IChannel channel, List<Row> window, List<Guid> sent, CancellationToken ct)
    {
        var publishes = window.Select(row => PublishAsync(channel, row, ct)).ToList();
        var unconfirmed = new List<Row>();
        for (var index = 0; index < window.Count; index++)
        {
            try
            {
                await publishes[index];
                sent.Add(window[index].Id);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                unconfirmed.Add(window[index]);
            }
        }
        return unconfirmed;
    }

    /// <summary>
    /// Splits the rows, in order, into windows in which no aggregate occurs twice: a window is published at once, so
    /// rows in it may arrive in any order, while the windows follow each other. Rows of a held-back aggregate (one of
    /// its earlier rows was parked in this batch) are skipped; the set grows while the windows are published.
    /// </summary>
    private static IEnumerable<List<Row>> Windows(List<Row> rows, HashSet<string> heldBack)
    {
        var window = new List<Row>();
        var aggregates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.AggregateId is not null && heldBack.Contains(row.AggregateId)) continue;
            if (row.AggregateId is not null && !aggregates.Add(row.AggregateId))
            {
                yield return window;
                window = [];
                aggregates.Clear();
                if (heldBack.Contains(row.AggregateId)) continue;
                aggregates.Add(row.AggregateId);
            }
            window.Add(row);
        }
        if (window.Count > 0) yield return window;
    }

    /// <summary>A refusal counts towards parking; an unreachable or blocked broker does not (that is an outage, not this row).</summary>
    private bool RefusedByTheBroker(Exception error) =>
        error is not (OperationCanceledException or TimeoutException)
        && services.GetRequiredService<IConnection>().IsOpen;

    private async Task<List<Row>> ReadUnsentAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT o.id, o.type, o.version, o.occurred_at, o.payload::text, o.trace_parent, o.aggregate_id, o.aggregate_version
            FROM messaging_outbox o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND NOT EXISTS (
                  SELECT 1 FROM messaging_outbox p
                  WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL
                    AND p.aggregate_id = o.aggregate_id AND p.position < o.position)
            ORDER BY o.position
            LIMIT @batch
            """, tx.Connection, tx);
        command.Parameters.AddWithValue("batch", _options.RelayBatchSize);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
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

        var envelope = new Envelope(row.Id, row.Type, row.Version, row.OccurredAt, activity?.Id ?? row.TraceParent, Attempt: 1,
            row.AggregateId, row.AggregateVersion);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        // Not mandatory: an event nobody subscribes to yet is not an error.
        await channel.BasicPublishAsync(RabbitMqTopology.EventsExchange, row.Type, mandatory: false,
            envelope.ToProperties(), System.Text.Encoding.UTF8.GetBytes(row.Payload), timeout.Token);
        metrics.Published(row.Type);
    }

    /// <remarks>
    /// The commit does not wait for its disk sync: if the database crashes before the mark is on disk, the rows are
    /// published again after the restart, and the consumers' inbox takes the copies for duplicates. The broker
    /// confirmed them before, so nothing is lost, and the relay does not wait a sync per batch.
    /// </remarks>
    private static async Task MarkSentAsync(NpgsqlTransaction tx, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var command = new NpgsqlCommand(
            "SET LOCAL synchronous_commit TO OFF; UPDATE messaging_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)",
            tx.Connection, tx);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts the refusal; parks the row (true) when it reached the maximum of attempts.</summary>
    private async Task<bool> RecordRefusalAsync(NpgsqlTransaction tx, Row row, Exception error, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE messaging_outbox
            SET attempts = attempts + 1, last_error = @error,
                parked_at = CASE WHEN attempts + 1 >= @max THEN now() END
            WHERE id = @id
            RETURNING attempts, parked_at IS NOT NULL
            """, tx.Connection, tx);
        command.Parameters.AddWithValue("id", row.Id);
        command.Parameters.AddWithValue("max", _options.RelayMaxAttempts);
        // The broker's reason names the exchange or size, never event data.
        command.Parameters.AddWithValue("error", $"{error.GetType().Name}: {error.Message}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (attempts, parked) = (reader.GetInt32(0), reader.GetBoolean(1));
        if (parked)
        {
            logger.LogError("Parked outbox row {MessageId} ({EventType}) after {Attempts} refusals by the broker ({Error}); later events of its aggregate wait until an operator resolves it",
                row.Id, row.Type, attempts, error.GetType().Name);
            metrics.Parked(row.Type);
            _parkedCheckedAt = DateTimeOffset.MinValue;
        }
        return parked;
    }

    private async Task CheckParkedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _parkedCheckedAt < _options.RelayStandbyInterval) return;
        _parkedCheckedAt = now;
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM messaging_outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL", _leader);
        health.ParkedRows((long)(await command.ExecuteScalarAsync(ct))!);
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
