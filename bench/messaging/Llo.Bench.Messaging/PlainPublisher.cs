using System.Diagnostics;
using RabbitMQ.Client;

namespace Llo.Bench.Messaging;

/// <summary>
/// The ceiling: persistent messages published to a quorum queue with publisher confirms and nothing else, either one at
/// a time (each awaited until the broker confirmed it) or with up to <c>inFlight</c> confirms outstanding, as the relay
/// publishes a window of rows.
/// </summary>
public static class PlainPublisher
{
    public static async Task<double> MessagesPerSecondAsync(string amqp, int count, int payloadBytes, int inFlight = 1)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var queue = "bench.plain." + Guid.NewGuid().ToString("N");
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        var body = new byte[payloadBytes];
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };

        var watch = Stopwatch.StartNew();
        var pending = new Queue<Task>(inFlight);
        for (var i = 0; i < count; i++)
        {
            if (pending.Count == inFlight) await pending.Dequeue();
            pending.Enqueue(channel.BasicPublishAsync("", queue, mandatory: false, properties, body).AsTask());
        }
        while (pending.Count > 0) await pending.Dequeue();
        var rate = count / watch.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync(queue);
        return rate;
    }
}
