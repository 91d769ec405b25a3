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
}
