using System.Globalization;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Llo.Messaging;

/// <summary>
/// Exchanges and queues. Events go to the topic exchange <c>llo.events</c> with their type as routing key.
/// Per subscription queue Q, all quorum queues so they work unchanged on a cluster: Q itself (bound to the event type,
/// with the broker's delivery limit); one retry queue per backoff delay, <c>Q.retry.&lt;ms&gt;ms</c>, where a failed
/// message waits out the queue's TTL and is then dead-lettered back to Q (so a 1 s retry never waits behind an 8 s one);
/// and <c>Q.dead</c> behind the exchange <c>llo.dead</c>, where Q's dead-lettering puts a message after its last attempt.
/// </summary>
internal static class RabbitMqTopology
{
    public const string EventsExchange = "llo.events";
    public const string DeadLetterExchange = "llo.dead";

    public static string RetryQueue(string queue, TimeSpan delay) =>
        string.Create(CultureInfo.InvariantCulture, $"{queue}.retry.{(long)delay.TotalMilliseconds}ms");

    public static string DeadQueue(string queue) => queue + ".dead";

    /// <summary>The distinct delays a message can wait before attempt 2, 3, … up to <see cref="LloMessagingOptions.MaxDeliveryAttempts"/>.</summary>
    public static IReadOnlyList<TimeSpan> RetryDelays(LloMessagingOptions options) =>
        Enumerable.Range(1, Math.Max(0, options.MaxDeliveryAttempts - 1))
            .Select(failures => Backoff.Delay(failures, options.RetryDelay, options.MaxRetryDelay))
            .Distinct()
            .ToList();

    public static Task DeclareEventsExchangeAsync(IChannel channel, CancellationToken ct) =>
        channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);

    /// <summary>Declares Q, its retry queues and its dead-letter queue on channels of its own (a refused declaration closes its channel).</summary>
    public static async Task DeclareSubscriptionAsync(
        IConnection connection, string queue, string routingKey, LloMessagingOptions options, ILogger logger, CancellationToken ct)
    {
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            await DeclareEventsExchangeAsync(channel, ct);
            await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
        }

        await DeclareQuorumAsync(connection, queue, new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = DeadLetterExchange,
            ["x-dead-letter-routing-key"] = queue,
            ["x-delivery-limit"] = options.BrokerDeliveryLimit,
        }, logger, ct);

        // An expired retry message is dead-lettered through the default exchange straight back to Q.
        foreach (var delay in RetryDelays(options))
        {
            await DeclareQuorumAsync(connection, RetryQueue(queue, delay), new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = queue,
            }, logger, ct);
        }

        await DeclareQuorumAsync(connection, DeadQueue(queue), new Dictionary<string, object?>(), logger, ct);

        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            await channel.QueueBindAsync(queue, EventsExchange, routingKey, cancellationToken: ct);
            await channel.QueueBindAsync(DeadQueue(queue), DeadLetterExchange, queue, cancellationToken: ct);
        }
    }

    /// <summary>
    /// Declares a durable quorum queue. Dead-lettering out of it is at-least-once (which needs reject-publish on
    /// overflow), so a message is never lost between Q, its retry queues and Q.dead. A queue of the same name declared
    /// otherwise (a classic queue of an older version, another delivery limit) is migrated once (see <see cref="QueueMigration"/>).
    /// </summary>
    public static async Task DeclareQuorumAsync(
        IConnection connection, string name, Dictionary<string, object?> arguments, ILogger logger, CancellationToken ct)
    {
        arguments["x-queue-type"] = "quorum";
        if (arguments.ContainsKey("x-dead-letter-exchange"))
        {
            arguments["x-dead-letter-strategy"] = "at-least-once";
            arguments["x-overflow"] = "reject-publish";
        }

        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
        {
            await QueueMigration.MigrateAsync(connection, name, arguments, logger, ct);
        }
    }
}
