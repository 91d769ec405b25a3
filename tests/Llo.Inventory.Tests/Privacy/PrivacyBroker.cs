using System.Reflection;
using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Testing;
using RabbitMQ.Client;

namespace Llo.Inventory.Tests.Privacy;

/// <summary>The test's side of the broker: waits for a consumer, and publishes an event as identity's relay would.</summary>
public static class PrivacyBroker
{
    private static Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();

    /// <summary>Waits until <paramref name="queue"/> has a consumer: only then is it bound, and a request is not lost.</summary>
    public static async Task WaitForConsumerAsync(string queue)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await ConnectAsync();
                await using var channel = await connection.CreateChannelAsync();
                if (await channel.ConsumerCountAsync(queue) > 0) return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Not declared yet: the passive check closes the channel.
            }

            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"No consumer on {queue}.");
            await Task.Delay(100);
        }
    }

    public static async Task PublishAsync(Guid messageId, IntegrationEvent evt)
    {
        var type = evt.GetType().GetCustomAttribute<IntegrationEventAttribute>()!;
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            Type = type.Type,
            ContentType = "application/json",
            Persistent = true,
            Headers = new Dictionary<string, object?>
            {
                ["llo-version"] = type.Version,
                ["llo-occurred-at"] = DateTimeOffset.UtcNow.ToString("O"),
            },
        };
        await channel.BasicPublishAsync("llo.events", type.Type, mandatory: true, properties,
            JsonSerializer.SerializeToUtf8Bytes(evt, evt.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }
}
