using Llo.Contracts.Events;

namespace Llo.Messaging;

/// <summary>One handler bound to one queue.</summary>
internal sealed record Subscription(
    string QueueName,
    EventTypeInfo Event,
    Type EventClrType,
    Func<IServiceProvider, IntegrationEvent, IntegrationEventContext, CancellationToken, Task> Dispatch);

/// <summary>The handlers declared with AddHandler, consumed by <see cref="EventConsumer"/>.</summary>
internal sealed class Subscriptions : List<Subscription>;
