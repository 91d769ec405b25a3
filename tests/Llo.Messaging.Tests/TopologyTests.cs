using Llo.Testing;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Llo.Messaging.Tests;

/// <summary>Retry tiers, quorum queues with the broker's delivery limit, migration from classic queues, re-declaring a deleted queue.</summary>
public sealed class TopologyTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_short_retry_does_not_wait_behind_a_long_one()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("tiers");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<TieredEvent, FailingUntilHandler>(queue), settings: new Dictionary<string, string?>
            {
                ["Llo:Messaging:MaxDeliveryAttempts"] = "8",
                ["Llo:Messaging:MaxRetryDelay"] = "00:00:05",
            });
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        // Slow fails five times: after its fifth attempt it waits 1.6 s (100, 200, 400, 800, 1600 ms).
        var slow = Guid.NewGuid();
        await TestBroker.PublishAsync(slow, new TieredEvent("slow", FailedAttempts: 5));
        await received.WaitForAsync(d => d.Context.MessageId == slow && d.Context.DeliveryCount == 5, Soon);

        // Quick fails once and waits 100 ms: with one retry queue it sat behind slow's 1.6 s until that expired.
        var quick = Guid.NewGuid();
        await TestBroker.PublishAsync(quick, new TieredEvent("quick", FailedAttempts: 1));
        await received.WaitForAsync(d => d.Context.MessageId == slow && d.Context.DeliveryCount == 6, Soon);

        var order = received.All.Select(d => (d.Context.MessageId, d.Context.DeliveryCount)).ToList();
        Assert.True(order.IndexOf((quick, 2)) is >= 0 and var quickRetry && quickRetry < order.IndexOf((slow, 6)),
            $"quick's retry came after slow's: {string.Join(", ", order.Select(o => $"{(o.MessageId == slow ? "slow" : "quick")}#{o.DeliveryCount}"))}");
        await host.StopAsync();
    }

    [Fact]
    public async Task Queues_are_quorum_queues_and_the_broker_dead_letters_a_message_redelivered_past_its_limit()
    {
        var queue = MessagingTestHost.UniqueQueue("quorum");
        using (var host = await MessagingTestHost.StartAsync(db.DataSource, new Received(),
                   m => m.AddHandler<StrictEvent, RecordingHandler<StrictEvent>>(queue),
                   settings: new Dictionary<string, string?> { ["Llo:Messaging:BrokerDeliveryLimit"] = "2" }))
        {
            await TestBroker.WaitForConsumerAsync(queue, Soon);
            await host.StopAsync();
        }

        var types = await TestBroker.QueueTypesAsync();
        foreach (var name in new[] { queue, queue + ".retry.100ms", queue + ".retry.200ms", queue + ".dead" })
            Assert.Equal("quorum", types.GetValueOrDefault(name));

        // A consumer that dies on a message (here: returns it to the queue) would see it for ever without the limit.
        await TestBroker.PublishRawAsync(queue, TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), """{"label":"poison"}""");
        await using (var connection = await TestBroker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                var message = await channel.BasicGetAsync(queue, autoAck: false);
                Assert.NotNull(message);
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
            }
        }
        var dead = await TestBroker.GetAsync(queue + ".dead", Soon);
        Assert.Contains("poison", System.Text.Encoding.UTF8.GetString(dead.Body.Span));
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue));
    }

    [Fact]
    public async Task A_classic_queue_left_by_an_older_version_becomes_a_quorum_queue_and_keeps_its_messages()
    {
        var queue = MessagingTestHost.UniqueQueue("classic");
        await using (var connection = await TestBroker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            // The declaration of the previous version of this block.
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "llo.dead", ["x-dead-letter-routing-key"] = queue });
            await channel.QueueDeclareAsync(queue + ".dead", durable: true, exclusive: false, autoDelete: false);
        }
        var waiting = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in waiting) await TestBroker.PublishRawAsync(queue, TestBroker.EventProperties(id, "test.migrated"), """{"label":"old"}""");
        var deadId = Guid.NewGuid();
        await TestBroker.PublishRawAsync(queue + ".dead", TestBroker.EventProperties(deadId, "test.migrated"), """{"label":"dead"}""");

        var received = new Received();
        var logs = new CapturedLogs();
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<MigratedEvent, RecordingHandler<MigratedEvent>>(queue), logs);
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        foreach (var id in waiting) await received.WaitForAsync(d => d.Context.MessageId == id, Soon);
        Assert.Equal("quorum", await QueueTypeAsync(queue));
        Assert.Equal("quorum", await QueueTypeAsync(queue + ".dead"));
        Assert.Equal(deadId.ToString(), (await TestBroker.GetAsync(queue + ".dead", Soon)).BasicProperties.MessageId);
        Assert.False(await TestBroker.QueueExistsAsync(queue + ".migrating"));
        Assert.Equal(2, logs.Lines.Count(l => l.Message.Contains("re-declared it as a quorum queue")));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_queue_deleted_on_the_broker_is_declared_again_and_consumed()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("deleted");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<QueueDeletedEvent, RecordingHandler<QueueDeletedEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        await using (var connection = await TestBroker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
            await channel.QueueDeleteAsync(queue);

        await TestBroker.WaitForConsumerAsync(queue, Soon);
        var id = Guid.NewGuid();
        await TestBroker.PublishAsync(id, new QueueDeletedEvent("after"));
        await received.WaitForAsync(d => d.Context.MessageId == id, Soon);
        await host.StopAsync();
    }

    private static async Task<string> QueueTypeAsync(string queue) =>
        (await TestBroker.QueueTypesAsync()).GetValueOrDefault(queue, "(missing)");
}
