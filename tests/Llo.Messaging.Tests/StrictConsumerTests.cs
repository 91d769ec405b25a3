using System.Text;
using Llo.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Llo.Messaging.Tests;

public sealed class StrictConsumerTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_that_do_not_match_the_subscription_go_to_the_dead_letter_queue_with_a_log_line_and_never_to_the_handler()
    {
        var logs = new CapturedLogs();
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("strict");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<StrictEvent, RecordingHandler<StrictEvent>>(queue), logs);
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var bad = new Dictionary<string, (BasicProperties Properties, string Body)>
        {
            ["other type"] = (TestBroker.EventProperties(Guid.NewGuid(), "test.something-else"), """{"label":"x"}"""),
            ["other version"] = (TestBroker.EventProperties(Guid.NewGuid(), "test.strict", version: 2), """{"label":"x"}"""),
            ["required field missing"] = (TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), "{}"),
            ["null for a non-nullable field"] = (TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), """{"label":null}"""),
            ["no version header"] = (WithoutHeader(TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), "llo-version"), """{"label":"x"}"""),
            ["occurred-at not an instant"] = (WithHeader(TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), "llo-occurred-at", "yesterday"), """{"label":"x"}"""),
            ["occurred-at far in the future"] = (WithHeader(TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), "llo-occurred-at", "9999-12-31T00:00:00Z"), """{"label":"x"}"""),
            // Before: the AMQP timestamp was read as a fallback and threw, leaving the message unacknowledged.
            ["AMQP timestamp out of range"] = (OutOfRangeTimestamp(TestBroker.EventProperties(Guid.NewGuid(), "test.strict")), """{"label":"x"}"""),
            ["attempt header not a number"] = (WithHeader(TestBroker.EventProperties(Guid.NewGuid(), "test.strict"), "llo-attempt", "many"), """{"label":"x"}"""),
        };
        foreach (var (_, message) in bad) await TestBroker.PublishRawAsync(queue, message.Properties, message.Body);
        var sentinel = Guid.NewGuid();
        await TestBroker.PublishRawAsync(queue, TestBroker.EventProperties(sentinel, "test.strict"), """{"label":"good"}""");

        // One consumer handles a queue in order: the sentinel comes after every bad message was dealt with.
        await received.WaitForAsync(d => d.Context.MessageId == sentinel, Soon);
        Assert.Single(received.All);
        var deadline = DateTime.UtcNow + Soon;
        while (await TestBroker.MessageCountAsync(queue + ".dead") < bad.Count && DateTime.UtcNow < deadline) await Task.Delay(50);
        var dead = await TestBroker.DrainAsync(queue + ".dead");
        Assert.Equal(bad.Values.Select(m => m.Properties.MessageId).Order(), dead.Select(d => d.BasicProperties.MessageId).Order());
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue));
        Assert.Equal(bad.Count, logs.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Dead-lettered")));
        await host.StopAsync();
    }

    private static BasicProperties WithoutHeader(BasicProperties properties, string name)
    {
        properties.Headers!.Remove(name);
        return properties;
    }

    private static BasicProperties WithHeader(BasicProperties properties, string name, string value)
    {
        properties.Headers![name] = Encoding.UTF8.GetBytes(value);
        return properties;
    }

    private static BasicProperties OutOfRangeTimestamp(BasicProperties properties)
    {
        properties.Headers!.Remove("llo-occurred-at");
        properties.Timestamp = new AmqpTimestamp(long.MaxValue);
        return properties;
    }
}
