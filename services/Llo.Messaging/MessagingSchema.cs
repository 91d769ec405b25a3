using Npgsql;

namespace Llo.Messaging;

/// <summary>The tables messaging keeps in a service's own database.</summary>
public static class MessagingSchema
{
    private const string Sql = """
        -- Serialises concurrent initialisers: CREATE TABLE IF NOT EXISTS alone can still race on the catalog.
        SELECT pg_advisory_xact_lock(84028607525735); -- "LloMsg"
        CREATE TABLE IF NOT EXISTS messaging_outbox (
            id           uuid PRIMARY KEY,
            position     bigint GENERATED ALWAYS AS IDENTITY,
            type         text NOT NULL,
            version      integer NOT NULL,
            occurred_at  timestamptz NOT NULL,
            payload      jsonb NOT NULL,
            trace_parent text NULL,
            attempts     integer NOT NULL DEFAULT 0,
            sent_at      timestamptz NULL,
            last_error   text NULL
        );
        CREATE INDEX IF NOT EXISTS messaging_outbox_unsent ON messaging_outbox (position) WHERE sent_at IS NULL;
        CREATE TABLE IF NOT EXISTS messaging_inbox (
            message_id   uuid NOT NULL,
            consumer     text NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (message_id, consumer)
        );
        """;

    /// <summary>Creates <c>messaging_outbox</c> and <c>messaging_inbox</c> if they are missing; safe to call concurrently.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource ds, CancellationToken ct = default)
    {
        await using var connection = await ds.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(Sql, connection, tx))
            await command.ExecuteNonQueryAsync(ct);
        // Later changes, each idempotent, in name order after the base tables (under the same advisory lock).
        foreach (var script in ScriptsAfterBase())
        {
            await using var command = new NpgsqlCommand(script, connection, tx);
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static IEnumerable<string> ScriptsAfterBase()
    {
        var assembly = typeof(MessagingSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("Llo.Messaging.Schema.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)
                                 && !n.StartsWith("Llo.Messaging.Schema.001", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }
    }
}
