using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// The operator's view of this service's dead-letter queues: how many messages wait in each (the gauge
/// <c>llo.messaging.dead_letter_queue.depth</c>, refreshed every <see cref="LloMessagingOptions.DeadLetterPollInterval"/>),
/// and a redrive that moves them back to their queue for a fresh round of attempts. A message that was handled before
/// it was dead-lettered (its inbox id is recorded) is acknowledged as a duplicate on arrival, so redriving it has no
/// second effect.
/// </summary>
public sealed class DeadLetters
{
    private readonly IServiceProvider _services;
    private readonly Subscriptions _subscriptions;
    private readonly MessagingMetrics _metrics;
    private readonly ILogger<DeadLetters> _logger;

    internal DeadLetters(IServiceProvider services, Subscriptions subscriptions, MessagingMetrics metrics, ILogger<DeadLetters> logger)
    {
        _services = services;
        _subscriptions = subscriptions;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Messages per dead-letter queue of this service's subscriptions, as the broker counts them now.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken ct = default)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = _services.GetRequiredService<IConnection>();
        foreach (var queue in _subscriptions.Select(s => RabbitMqTopology.DeadQueue(s.QueueName)))
        {
            // A passive check of a queue that does not exist (yet) closes its channel: one channel per queue.
            try
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
                counts[queue] = await channel.MessageCountAsync(queue, ct);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                counts[queue] = 0;
            }
            _metrics.DeadLetterDepth(queue, counts[queue]);
        }
        return counts;
    }

    /// <summary>
    /// Moves every message now in each dead-letter queue back to its queue with its attempt count reset, publisher
    /// confirmed before the dead letter is acknowledged (a crash in between leaves a copy in both, which the inbox
    /// absorbs). Returns how many moved per queue.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> RedriveAsync(CancellationToken ct = default)
    {
        var moved = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = _services.GetRequiredService<IConnection>();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        foreach (var queue in _subscriptions.Select(s => s.QueueName))
        {
            var dead = RabbitMqTopology.DeadQueue(queue);
            // Only what is there now: a message that fails again and comes back is not moved twice in one redrive.
            var waiting = await channel.MessageCountAsync(dead, ct);
            long count = 0;
            for (; count < waiting && await channel.BasicGetAsync(dead, autoAck: false, ct) is { } message; count++)
            {
                var properties = new BasicProperties(message.BasicProperties);
                if (properties.Headers is { } headers)
                {
                    properties.Headers = headers
                        .Where(h => h.Key != Envelope.AttemptHeader && h.Key != "x-death" && !h.Key.StartsWith("x-first-death", StringComparison.Ordinal)
                                    && !h.Key.StartsWith("x-last-death", StringComparison.Ordinal))
                        .ToDictionary(h => h.Key, h => h.Value);
                }
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, ct);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            }
            moved[queue] = count;
            _metrics.DeadLetterDepth(dead, Math.Max(0, waiting - count));
            if (count > 0) _logger.LogInformation("Redrove {Count} dead-lettered messages from {DeadQueue} to {Queue}", count, dead, queue);
        }
        return moved;
    }
}
