using Npgsql;

namespace Llo.Messaging;

/// <summary>Processed message ids per consumer queue, so a redelivered message has no second effect.</summary>
internal static class Inbox
{
    /// <summary>
    /// Records the message as processed by <paramref name="consumer"/> inside <paramref name="tx"/>; false if it already was.
    /// The row stays locked until the transaction ends, so a concurrent duplicate waits for the outcome instead of
    /// running the handler alongside.
    /// </summary>
    public static async Task<bool> TryClaimAsync(NpgsqlTransaction tx, Guid messageId, string consumer, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO messaging_inbox (message_id, consumer) VALUES (@id, @consumer) ON CONFLICT DO NOTHING",
            tx.Connection, tx);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("consumer", consumer);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}
