namespace Llo.Messaging;

/// <summary>
/// Reacts to one kind of integration event. Register it with
/// <see cref="LloMessagingBuilder.AddHandler{TEvent, THandler}(string)"/>; it is resolved from a fresh DI scope per message.
/// Throwing means "not handled": the message is retried with backoff and dead-lettered after the last attempt.
/// Database writes made through <see cref="IntegrationEventContext.Transaction"/> (including events enqueued with
/// <see cref="Outbox.EnqueueAsync"/>) commit together with the inbox record, so they happen exactly once; any other side
/// effect may be repeated on a redelivery and must be idempotent itself.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent evt, IntegrationEventContext context, CancellationToken ct);
}
