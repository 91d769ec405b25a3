using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Llo.Messaging;

/// <summary>
/// Replaces a queue the broker already holds with other arguments (typically a classic queue from before the move to
/// quorum queues, which RabbitMQ refuses to re-declare with PRECONDITION_FAILED) without losing its messages: they
/// are moved with publisher confirms into <c>NAME.migrating</c>, the queue is deleted and declared anew, and they are
/// moved back. Bindings are made again by the caller. An interrupted run leaves the messages in <c>NAME.migrating</c>,
/// which the next migration of NAME moves back as well.
/// </summary>
internal static class QueueMigration
{
    public static async Task MigrateAsync(
        IConnection connection, string name, IDictionary<string, object?> arguments, ILogger logger, CancellationToken ct)
    {
        var holding = name + ".migrating";
        int moved;
        await using (var channel = await ConfirmingChannelAsync(connection, ct))
        {
            await channel.QueueDeclareAsync(holding, durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
            moved = await MoveAllAsync(channel, name, holding, ct);
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false, cancellationToken: ct);
        }
        // A fresh channel: RabbitMQ 3.10 crashes a channel that publishes to a re-declared queue it knew under the old type.
        await using (var channel = await ConfirmingChannelAsync(connection, ct))
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct);
            await MoveAllAsync(channel, holding, name, ct);
            // Empty now (every message moved was acknowledged); a quorum queue may not say so yet, so no ifEmpty.
            await channel.QueueDeleteAsync(holding, ifUnused: false, ifEmpty: false, cancellationToken: ct);
        }

        logger.LogWarning("Queue {Queue} existed with other arguments (an older classic queue?); re-declared it as a quorum queue and kept its {Count} messages",
            name, moved);
    }

    private static Task<IChannel> ConfirmingChannelAsync(IConnection connection, CancellationToken ct) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);

    private static async Task<int> MoveAllAsync(IChannel channel, string from, string to, CancellationToken ct)
    {
        var moved = 0;
        while (await channel.BasicGetAsync(from, autoAck: false, ct) is { } message)
        {
            // The confirm arrives before the ack, so a crash in between leaves a copy in both, never in neither.
            await channel.BasicPublishAsync("", to, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }
}
