using Llo.Contracts.Events;
using Npgsql;

namespace Llo.Messaging.Tests;

/// <summary>
/// The effect a test handler has: one row in <c>handler_effects</c>, written through the context's transaction. The row
/// also holds what was committed for the message when the attempt started, seen from another connection.
/// </summary>
public static class HandlerEffects
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS handler_effects (
            message_id   uuid NOT NULL,
            label        text NOT NULL,
            attempt      integer NOT NULL,
            rows_before  bigint NOT NULL,
            inbox_before bigint NOT NULL
        );
        """;

    public static async Task WriteAsync(NpgsqlDataSource database, string label, IntegrationEventContext context, CancellationToken ct)
    {
        await using var seen = database.CreateCommand(
            """
            SELECT (SELECT count(*) FROM handler_effects WHERE message_id = @id),
                   (SELECT count(*) FROM messaging_inbox WHERE message_id = @id)
            """);
        seen.Parameters.AddWithValue("id", context.MessageId);
        long rowsBefore, inboxBefore;
        await using (var reader = await seen.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (rowsBefore, inboxBefore) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO handler_effects (message_id, label, attempt, rows_before, inbox_before)
            VALUES (@id, @label, @attempt, @rows_before, @inbox_before)
            """, context.Connection, context.Transaction);
        insert.Parameters.AddWithValue("id", context.MessageId);
        insert.Parameters.AddWithValue("label", label);
        insert.Parameters.AddWithValue("attempt", context.DeliveryCount);
        insert.Parameters.AddWithValue("rows_before", rowsBefore);
        insert.Parameters.AddWithValue("inbox_before", inboxBefore);
        await insert.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Writes its effect, then fails the first <see cref="TransactionalEvent.FailedAttempts"/> attempts.</summary>
public sealed class EffectThenFailHandler(Received received, NpgsqlDataSource database) : IIntegrationEventHandler<TransactionalEvent>
{
    public async Task HandleAsync(TransactionalEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        await HandlerEffects.WriteAsync(database, evt.Label, context, ct);
        if (context.DeliveryCount <= evt.FailedAttempts) throw new InvalidOperationException("failing on purpose");
    }
}

public sealed class EffectHandler(Received received, NpgsqlDataSource database) : IIntegrationEventHandler<WrittenOnceEvent>
{
    public async Task HandleAsync(WrittenOnceEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        await HandlerEffects.WriteAsync(database, evt.Label, context, ct);
    }
}

/// <summary>Publishes a follow-up through the outbox in the context's transaction, then fails the first attempts.</summary>
public sealed class FollowUpPublishingHandler(Received received) : IIntegrationEventHandler<TriggerEvent>
{
    public async Task HandleAsync(TriggerEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        await Outbox.EnqueueAsync(context.Transaction!, new FollowUpEvent(evt.Label), ct);
        if (context.DeliveryCount <= evt.FailedAttempts) throw new InvalidOperationException("failing on purpose");
    }
}

/// <summary>On the first attempt hits a database error in the context's transaction and wrongly swallows it.</summary>
public sealed class SwallowingHandler(Received received, NpgsqlDataSource database) : IIntegrationEventHandler<SwallowingEvent>
{
    public async Task HandleAsync(SwallowingEvent evt, IntegrationEventContext context, CancellationToken ct)
    {
        received.Add(evt, context);
        if (context.DeliveryCount == 1)
        {
            try
            {
                await using var broken = new NpgsqlCommand("SELECT 1 / 0", context.Connection, context.Transaction);
                await broken.ExecuteScalarAsync(ct);
            }
            catch (PostgresException)
            {
                // The mistake under test: the transaction is aborted now, yet the handler reports success.
            }
            return;
        }
        await HandlerEffects.WriteAsync(database, evt.Label, context, ct);
    }
}
