namespace Llo.Messaging;

/// <summary>
/// Reacts to one kind of integration event. Register it with
/// <see cref="LloMessagingBuilder.AddHandler{TEvent, THandler}(string)"/>; it is resolved from a fresh DI scope per message.
/// Throwing means "not handled": the message is retried with backoff and dead-lettered after the last attempt.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent evt, IntegrationEventContext context, CancellationToken ct);
}
