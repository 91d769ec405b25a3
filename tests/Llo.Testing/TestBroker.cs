using System.Reflection;
using System.Text.Json;
using Llo.Contracts.Events;
using RabbitMQ.Client;

namespace Llo.Testing;

/// <summary>
/// The test's own view of the shared test broker: inspecting queues, publishing an event as another service's relay
/// would, publishing raw messages. Nothing stops it: a test that needs an outage cuts its own
/// <see cref="TcpRelay"/>, because other test assemblies use the broker at the same time.
/// </summary>
public static class TestBroker
{
    public static Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();

    /// <summary>Waits until <paramref name="queue"/> exists and has a consumer, i.e. the host is ready to receive.</summary>
    public static async Task WaitForConsumerAsync(string queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
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
                // The queue is not declared yet (the passive check closes the channel).
            }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"No consumer on {queue} within {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a queue with basic.get until a message arrives.</summary>
    public static async Task<BasicGetResult> GetAsync(string queue, TimeSpan timeout)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } result) return result;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message in {queue} within {timeout}.");
    }

    /// <summary>Publishes <paramref name="evt"/> as another service's relay would, with a message id chosen by the test.</summary>
    public static async Task PublishAsync(Guid messageId, IntegrationEvent evt)
    {
        var type = evt.GetType().GetCustomAttribute<IntegrationEventAttribute>()!;
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var props = new BasicProperties
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
        await channel.BasicPublishAsync("llo.events", type.Type, mandatory: true, props,
            JsonSerializer.SerializeToUtf8Bytes(evt, evt.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    /// <summary>The envelope headers a relay of this platform sends, for tests that publish raw messages.</summary>
    public static BasicProperties EventProperties(Guid messageId, string type, int version = 1) => new()
    {
        MessageId = messageId.ToString(),
        Type = type,
        ContentType = "application/json",
        Persistent = true,
        Headers = new Dictionary<string, object?>
        {
            ["llo-version"] = version,
            ["llo-occurred-at"] = DateTimeOffset.UtcNow.ToString("O"),
        },
    };

    /// <summary>Publishes raw bytes straight into <paramref name="queue"/> (default exchange), with publisher confirms.</summary>
    public static async Task PublishRawAsync(string queue, BasicProperties properties, string body)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, System.Text.Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Ready messages in <paramref name="queue"/>; throws when it does not exist.</summary>
    public static async Task<uint> MessageCountAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    /// <summary>Takes every message now in <paramref name="queue"/> (acknowledged), for assertions.</summary>
    public static async Task<List<BasicGetResult>> DrainAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message) messages.Add(message);
        return messages;
    }

    /// <summary>True when the broker knows <paramref name="queue"/>.</summary>
    public static async Task<bool> QueueExistsAsync(string queue)
    {
        try
        {
            await MessageCountAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Every queue's type ("classic", "quorum") as the broker reports it; AMQP itself does not tell.</summary>
    public static async Task<Dictionary<string, string>> QueueTypesAsync()
    {
        var output = await RabbitMqCtlAsync("list_queues", "name", "type", "--no-table-headers", "--quiet");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    private static Task<string> RabbitMqCtlAsync(string command, params string[] arguments) =>
        TestRabbitMqCtl.RunAsync([command, .. arguments]);
}
