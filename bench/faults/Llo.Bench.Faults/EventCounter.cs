using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Llo.Bench.Faults;

/// <summary>
/// The test consumer: its own quorum queue <c>faults.project-registered</c> bound to ProjectRegistered on
/// <c>llo.events</c>, under its own broker user. It has no inbox on purpose: it keeps every delivery (also to a file),
/// acknowledges only after recording it, and so shows whatever the platform delivers twice. Automatic recovery
/// reconnects it after the broker comes back.
/// </summary>
internal sealed class EventCounter : IAsyncDisposable
{
    public const string Queue = "faults.project-registered";
    private const string RoutingKey = "inventory.project-registered";
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly StreamWriter _file;
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventCounter(IConnection connection, IChannel channel, StreamWriter file)
    {
        _connection = connection;
        _channel = channel;
        _file = file;
    }

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries;

    public static async Task<EventCounter> StartAsync(string amqpUri, string file, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(amqpUri),
            ClientProvidedName = "llo-bench-faults",
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        var connection = await factory.CreateConnectionAsync(ct);
        var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync("llo.events", ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        await channel.QueueBindAsync(Queue, "llo.events", RoutingKey, cancellationToken: ct);
        await channel.QueuePurgeAsync(Queue, ct);
        await channel.BasicQosAsync(0, 50, false, ct);

        var counter = new EventCounter(connection, channel, new StreamWriter(file, append: false) { AutoFlush = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += counter.OnDeliveryAsync;
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, ct);
        return counter;
    }

    private async Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        Guid? projectId = null;
        string? title = null;
        try
        {
            using var body = JsonDocument.Parse(delivery.Body);
            if (body.RootElement.TryGetProperty("projectId", out var id) && id.TryGetGuid(out var parsed)) projectId = parsed;
            if (body.RootElement.TryGetProperty("title", out var text)) title = text.GetString();
        }
        catch (JsonException)
        {
        }

        var record = new Delivery(DateTimeOffset.UtcNow, delivery.BasicProperties.MessageId ?? "", projectId, title, delivery.Redelivered);
        _deliveries.Enqueue(record);
        lock (_file) _file.WriteLine($"{record.At:O}\t{record.MessageId}\t{record.ProjectId}\t{record.Redelivered}\t{record.Title}");
        try
        {
            await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        }
        catch (Exception ex)
        {
            // The broker went away between delivery and ack: it delivers the message again, and the second delivery is
            // recorded as well (that is what this consumer is for).
            lock (_file) _file.WriteLine($"{DateTimeOffset.UtcNow:O}\tack failed\t{record.MessageId}\t{ex.GetType().Name}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
        }
        catch (Exception)
        {
            // Closing after the run: nothing to do if the broker is already gone.
        }
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        await _file.DisposeAsync();
    }
}

/// <summary>One delivery of a ProjectRegistered event as the test consumer received it.</summary>
internal sealed record Delivery(DateTimeOffset At, string MessageId, Guid? ProjectId, string? Title, bool Redelivered);
