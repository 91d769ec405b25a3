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
    /// Writes <paramref name="evt"/> to <c>messaging_outbox</c> inside <paramref name="tx"/>. Nothing is sent now:
    /// if the transaction commits, the relay publishes the event; if it rolls back, the event never existed.
    /// </summary>
    public static async Task EnqueueAsync(NpgsqlTransaction tx, IntegrationEvent evt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(evt);
        var info = EventTypeRegistry.Describe(evt.GetType());
        var connection = tx.Connection ?? throw new InvalidOperationException("The transaction has already completed.");

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO messaging_outbox (id, type, version, occurred_at, payload, trace_parent)
            VALUES (@id, @type, @version, @occurred_at, @payload, @trace_parent)
            """, connection, tx);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", info.Type);
        command.Parameters.AddWithValue("version", info.Version);
        command.Parameters.AddWithValue("occurred_at", DateTimeOffset.UtcNow);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(evt, evt.GetType(), Json));
        command.Parameters.AddWithValue("trace_parent", (object?)Activity.Current?.Id ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
