using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Llo.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Llo.Messaging.Tests;

public sealed class ConsumerTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("twice");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<DuplicateEvent, RecordingHandler<DuplicateEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var duplicated = Guid.NewGuid();
        var sentinel = Guid.NewGuid();
        await TestBroker.PublishAsync(duplicated, new DuplicateEvent("first copy"));
        await TestBroker.PublishAsync(duplicated, new DuplicateEvent("second copy"));
        await TestBroker.PublishAsync(sentinel, new DuplicateEvent("sentinel"));

        // One consumer handles a queue in order: once the sentinel is handled, both copies have been through.
        await received.WaitForAsync(d => d.Context.MessageId == sentinel, Soon);
        var effects = received.All.Where(d => d.Context.MessageId == duplicated).ToList();
        var only = Assert.Single(effects);
        Assert.Equal(new DuplicateEvent("first copy"), only.Event);

        await using var inbox = db.DataSource.CreateCommand("SELECT count(*) FROM messaging_inbox WHERE message_id = @id AND consumer = @queue");
        inbox.Parameters.AddWithValue("id", duplicated);
        inbox.Parameters.AddWithValue("queue", queue);
        Assert.Equal(1L, await inbox.ExecuteScalarAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_handler_that_always_fails_puts_the_message_in_the_dead_letter_queue_with_a_log_line_and_a_metric()
    {
        var deadLettered = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Llo.Messaging" && instrument.Name == "llo.messaging.dead_lettered")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            deadLettered.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();

        var logs = new CapturedLogs();
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("fails");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<FailingEvent, AlwaysFailingHandler>(queue), logs);
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        const string personal = "Jan Jansen, 06-12345678";
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(tx, new FailingEvent("doomed", personal), CancellationToken.None);
            await tx.CommitAsync();
        }

        var dead = await TestBroker.GetAsync(queue + ".dead", Soon);
        var messageId = Guid.Parse(dead.BasicProperties.MessageId!);
        Assert.Equal("test.always-fails", dead.BasicProperties.Type);
        using (var body = JsonDocument.Parse(dead.Body))
            Assert.Equal("doomed", body.RootElement.GetProperty("label").GetString());

        // Three attempts (the configured maximum) with growing delays in between, then no more.
        Assert.Equal([1, 2, 3], received.All.Where(d => d.Context.MessageId == messageId).Select(d => d.Context.DeliveryCount));
        Assert.Equal(0u, await MessageCountAsync(queue));
        // One retry queue per delay (100 ms, 200 ms with the test's backoff), both empty again.
        Assert.Equal(0u, await MessageCountAsync(queue + ".retry.100ms"));
        Assert.Equal(0u, await MessageCountAsync(queue + ".retry.200ms"));

        // The consumer logs and counts right after the broker took the reject, so allow it a moment.
        await Eventually(() => logs.Lines.Any(l => l.Message.StartsWith("Dead-lettered")) && deadLettered.Any(m => Equals(m.Tags["queue"], queue)));
        var line = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Dead-lettered"));
        Assert.Contains("test.always-fails", line.Message);
        Assert.Contains(messageId.ToString(), line.Message);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("Jansen") || (l.Exception?.ToString().Contains("Jansen") ?? false));

        var measurement = Assert.Single(deadLettered, m => Equals(m.Tags["queue"], queue));
        Assert.Equal(1, measurement.Value);
        Assert.Equal("test.always-fails", measurement.Tags["type"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_goes_to_the_dead_letter_queue_at_once()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("garbage");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<DuplicateEvent, RecordingHandler<DuplicateEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var id = Guid.NewGuid();
        await using (var connection = await TestBroker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var props = new BasicProperties { MessageId = id.ToString(), Type = "test.delivered-twice", Persistent = true };
            await channel.BasicPublishAsync("", queue, mandatory: true, props, Encoding.UTF8.GetBytes("{not json"));
        }

        var dead = await TestBroker.GetAsync(queue + ".dead", Soon);
        Assert.Equal(id.ToString(), dead.BasicProperties.MessageId);
        Assert.Empty(received.All);
        await host.StopAsync();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    private static async Task<uint> MessageCountAsync(string queue)
    {
        await using var connection = await TestBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }
}
