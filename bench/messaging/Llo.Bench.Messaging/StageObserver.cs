using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Llo.Bench.Messaging;

/// <summary>
/// Notes when each event leaves the relay: a transient classic queue of its own, bound to the events exchange like the
/// consumer's queue, consumed without acknowledgements. Splits commit-to-handled into relay (commit → routed by the
/// broker) and consumer (routed → handled, which includes the quorum queue's own write).
/// </summary>
public static class StageObserver
{
    public static async Task<IAsyncDisposable> StartAsync(string amqp, Timings timings)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "llo.events", "bench.tick");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var body = JsonDocument.Parse(delivery.Body);
            timings.Published.TryAdd(body.RootElement.GetProperty("sequence").GetInt64(), now);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return new Closer(connection, channel);
    }

    private sealed class Closer(IConnection connection, IChannel channel) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
