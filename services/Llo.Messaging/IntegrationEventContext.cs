using Npgsql;

namespace Llo.Messaging;

/// <summary>The envelope of a delivered event: who it is (id, type, version), when it happened, and which attempt this is.</summary>
/// <param name="MessageId">The event's id, the same on every redelivery (the inbox key).</param>
/// <param name="Type">The event type, which is also its routing key, e.g. "inventory.project-registered".</param>
/// <param name="Version">The schema version of the event type.</param>
/// <param name="OccurredAt">When the publisher recorded the event (UTC).</param>
/// <param name="DeliveryCount">1 on the first attempt, 2 on the first retry, and so on.</param>
public sealed record IntegrationEventContext(Guid MessageId, string Type, int Version, DateTimeOffset OccurredAt, int DeliveryCount)
{
    /// <summary>
    /// The open transaction in the service's database in which this message's inbox record is written; null when the
    /// service has no database. Write through it (<see cref="Connection"/> with this transaction, or
    /// <see cref="Outbox.EnqueueAsync"/> for events the handler publishes, relayed when the service called
    /// <see cref="LloMessagingBuilder.UseOutbox"/>) and the effect is exactly-once: it commits together with "handled",
    /// or, when the handler throws, rolls back together with it before the retry.
    /// Anything done outside it (another connection, an HTTP call, an e-mail) is at-least-once and must be idempotent
    /// itself. The consumer commits; the handler must not commit, roll back or dispose it, and must not swallow a
    /// database error raised in it (PostgreSQL then discards the whole transaction): let the exception out.
    /// It is open only while the handler runs.
    /// </summary>
    public NpgsqlTransaction? Transaction { get; init; }

    /// <summary>
    /// The aggregate (e.g. a project id) the publisher named with <see cref="Outbox.EnqueueAsync(NpgsqlTransaction, Llo.Contracts.Events.IntegrationEvent, string, long, CancellationToken)"/>;
    /// null when it named none.
    /// </summary>
    public string? AggregateId { get; init; }

    /// <summary>
    /// The aggregate's version after the change this event reports. Events of one aggregate are published in order,
    /// but a redrive or a retry can bring an older one after a newer: a handler that keeps the last version it applied
    /// per aggregate ignores an event whose version is not higher.
    /// </summary>
    public long? AggregateVersion { get; init; }

    /// <summary>The connection of <see cref="Transaction"/>, for commands in it; null when there is no database.</summary>
    public NpgsqlConnection? Connection => Transaction?.Connection;
}
