using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// Exchanges and queues. Events go to the topic exchange <c>llo.events</c> with their type as routing key.
/// Per subscription queue Q: Q itself (bound to the event type), <c>Q.retry</c> where a failed message waits
/// out its backoff (per-message TTL, then dead-lettered back to Q), and <c>Q.dead</c> behind the exchange
/// <c>llo.dead</c>, where Q's broker-side dead-lettering puts a message after its last attempt.
/// </summary>
internal static class RabbitMqTopology
{
    public const string EventsExchange = "llo.events";
    public const string DeadLetterExchange = "llo.dead";

    public static string RetryQueue(string queue) => queue + ".retry";

    public static string DeadQueue(string queue) => queue + ".dead";

    public static Task DeclareEventsExchangeAsync(IChannel channel, CancellationToken ct) =>
        channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);

    public static async Task DeclareSubscriptionAsync(IChannel channel, string queue, string routingKey, CancellationToken ct)
    {
        await DeclareEventsExchangeAsync(channel, ct);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue,
            }, cancellationToken: ct);
        await channel.QueueBindAsync(queue, EventsExchange, routingKey, cancellationToken: ct);

        // An expired retry message is dead-lettered through the default exchange straight back to Q.
        await channel.QueueDeclareAsync(RetryQueue(queue), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = queue,
            }, cancellationToken: ct);

        await channel.QueueDeclareAsync(DeadQueue(queue), durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(DeadQueue(queue), DeadLetterExchange, queue, cancellationToken: ct);
    }
}
