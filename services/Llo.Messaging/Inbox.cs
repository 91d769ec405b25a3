using Npgsql;

namespace Llo.Messaging;

/// <summary>Processed message ids per consumer queue, so a redelivered message has no second effect.</summary>
internal static class Inbox
{
    /// <summary>
    /// Opens the savepoint <c>message</c> in <paramref name="tx"/> and records in it the message as processed by
    /// <paramref name="consumer"/>; false if it already was. With <paramref name="releaseFirst"/> it first releases the
    /// savepoint of the message before (keeping that one's writes), all in one round trip: a message costs a consumer
    /// one trip besides its handler's. The row stays locked until the transaction ends, so a concurrent duplicate waits
    /// for the outcome instead of running the handler alongside; rolling back to the savepoint gives the claim back.
    /// A failed release (the transaction was aborted) throws before anything else runs.
    /// </summary>
    public static async Task<bool> ClaimAsync(NpgsqlTransaction tx, Guid messageId, string consumer, bool releaseFirst, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx);
        if (releaseFirst) batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT message"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT message"));
        var claim = new NpgsqlBatchCommand("INSERT INTO messaging_inbox (message_id, consumer) VALUES (@id, @consumer) ON CONFLICT DO NOTHING");
        claim.Parameters.AddWithValue("id", messageId);
        claim.Parameters.AddWithValue("consumer", consumer);
        batch.BatchCommands.Add(claim);
        await batch.ExecuteNonQueryAsync(ct);
        return claim.RecordsAffected == 1;
    }

    /// <summary>
    /// Of <paramref name="messageIds"/>, those <paramref name="consumer"/> already handled (committed). Reads without
    /// locking: <see cref="RecordAsync"/> at the end of the transaction finds out whether a concurrent copy got there first.
    /// </summary>
    public static async Task<HashSet<Guid>> HandledAsync(NpgsqlTransaction tx, IReadOnlyCollection<Guid> messageIds, string consumer, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT message_id FROM messaging_inbox WHERE consumer = @consumer AND message_id = ANY(@ids)", tx.Connection, tx);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        var handled = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) handled.Add(reader.GetGuid(0));
        return handled;
    }

    /// <summary>
    /// Records <paramref name="messageIds"/> (distinct) as handled by <paramref name="consumer"/> in one statement; true
    /// when every one of them was new. False means a concurrent copy of one of them committed first (or holds its row
    /// until it ends, which this statement waits for): the caller rolls back. In a transaction a handler aborted, this
    /// throws <see cref="PostgresErrorCodes.InFailedSqlTransaction"/>, which makes it the check before the commit too.
    /// </summary>
    public static async Task<bool> RecordAsync(NpgsqlTransaction tx, IReadOnlyCollection<Guid> messageIds, string consumer, CancellationToken ct)
    {
        // Sorted, so two consumers recording overlapping sets lock the rows in the same order.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO messaging_inbox (message_id, consumer)
            SELECT id, @consumer FROM unnest(@ids) AS id ORDER BY id
            ON CONFLICT DO NOTHING
            """, tx.Connection, tx);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        return await command.ExecuteNonQueryAsync(ct) == messageIds.Count;
    }
}
