using System.Diagnostics;
using RabbitMQ.Client;

namespace Llo.Bench.Messaging;

/// <summary>The ceiling: persistent messages published one after another, each awaited until the broker confirmed it, as the relay does.</summary>
public static class PlainPublisher
{
    public static async Task<double> MessagesPerSecondAsync(string amqp, int count, int payloadBytes)
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
        for (var i = 0; i < count; i++) await channel.BasicPublishAsync("", queue, mandatory: false, properties, body);
        var rate = count / watch.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync(queue);
        return rate;
    }
}
