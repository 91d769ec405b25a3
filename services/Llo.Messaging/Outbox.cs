using System.Diagnostics;
using System.Text.Json;
using Llo.Contracts.Events;
using Npgsql;
using NpgsqlTypes;

namespace Llo.Messaging;

/// <summary>The publishing side: events go into the service's own database, in the same commit as the state change.</summary>
public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Raised in this process after an event was written to an outbox, before its transaction commits: the relay wakes
    /// up to publish it soon, and a service can learn that one of its writes is about to commit without a query.
    /// Handlers run on the writer's thread and must be quick and must not throw.
    /// </summary>
    public static event Action? Enqueued;

    /// <summary>
    /// Writes <paramref name="evt"/> to <c>messaging_outbox</c> inside <paramref name="tx"/>. Nothing is sent now:
    /// if the transaction commits, the relay publishes the event; if it rolls back, the event never existed.
    /// Prefer the overload that names the aggregate: only then can consumers ignore a stale event, and only then does
    /// a parked event hold back the later events of its aggregate.
    /// </summary>
    public static Task EnqueueAsync(NpgsqlTransaction tx, IntegrationEvent evt, CancellationToken ct = default) =>
        EnqueueCoreAsync(tx, evt, null, null, ct);

    /// <summary>
    /// As <see cref="EnqueueAsync(NpgsqlTransaction, IntegrationEvent, CancellationToken)"/>, for a change of the
    /// aggregate <paramref name="aggregateId"/> (e.g. a project id) that left it at <paramref name="aggregateVersion"/>.
    /// The envelope carries both, so a consumer can ignore an event older than one it already applied.
    /// </summary>
    public static Task EnqueueAsync(NpgsqlTransaction tx, IntegrationEvent evt, string aggregateId, long aggregateVersion, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateId);
        return EnqueueCoreAsync(tx, evt, aggregateId, aggregateVersion, ct);
    }

    private static async Task EnqueueCoreAsync(NpgsqlTransaction tx, IntegrationEvent evt, string? aggregateId, long? aggregateVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(evt);
        var info = EventTypeRegistry.Describe(evt.GetType());
        var connection = tx.Connection ?? throw new InvalidOperationException("The transaction has already completed.");

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO messaging_outbox (id, type, version, occurred_at, payload, trace_parent, aggregate_id, aggregate_version)
            VALUES (@id, @type, @version, @occurred_at, @payload, @trace_parent, @aggregate_id, @aggregate_version)
            """, connection, tx);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", info.Type);
        command.Parameters.AddWithValue("version", info.Version);
        command.Parameters.AddWithValue("occurred_at", DateTimeOffset.UtcNow);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(evt, evt.GetType(), Json));
        command.Parameters.AddWithValue("trace_parent", (object?)Activity.Current?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("aggregate_id", NpgsqlDbType.Text, (object?)aggregateId ?? DBNull.Value);
        command.Parameters.AddWithValue("aggregate_version", NpgsqlDbType.Bigint, (object?)aggregateVersion ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
        Enqueued?.Invoke();
    }
}
