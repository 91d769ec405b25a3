using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Llo.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Llo.Messaging.Tests;

public sealed class OutboxDeliveryTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_committed_while_the_broker_is_stopped_is_delivered_after_it_comes_back()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("outage");
        // The host reaches the shared broker through a relay, so only this host loses it: stopping the broker itself
        // would also take it from the test assemblies that run alongside.
        var direct = new Uri(TestServers.RabbitMq);
        using var broker = TcpRelay.InFrontOf(direct);
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<OutageEvent, RecordingHandler<OutageEvent>>(queue),
            settings: new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = broker.Relayed(direct).ToString() });
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var label = Guid.NewGuid().ToString();
        try
        {
            broker.Cut();
            await CommitAsync(new OutageEvent(label));

            // While the broker is away the relay keeps the row and keeps trying.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Null(await SentAtAsync("test.outage-survived"));
            Assert.Empty(received.All);
        }
        finally
        {
            broker.Restore();
        }

        // The client reconnects on its own (recovery interval of a few seconds), then relay and consumer resume.
        var delivery = await received.WaitForAsync(d => d.Event is OutageEvent e && e.Label == label, TimeSpan.FromSeconds(60));
        Assert.Equal(1, delivery.Context.DeliveryCount);
        // The relay marks the row sent right after the confirm, which may be a moment after the consumer saw it.
        var deadline = DateTime.UtcNow + Soon;
        while (await SentAtAsync("test.outage-survived") is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotNull(await SentAtAsync("test.outage-survived"));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_event_written_in_a_rolled_back_transaction_is_never_published()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("rollback");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<RollbackEvent, RecordingHandler<RollbackEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(tx, new RollbackEvent("rolled back"), CancellationToken.None);
            await tx.RollbackAsync();
        }
        await CommitAsync(new RollbackEvent("committed"));

        // Events are relayed in order, so once the later, committed one arrived the rolled-back one had its chance.
        await received.WaitForAsync(d => d.Event is RollbackEvent { Label: "committed" }, Soon);
        await Task.Delay(300);
        Assert.DoesNotContain(received.All, d => d.Event is RollbackEvent { Label: "rolled back" });
        await using var count = db.DataSource.CreateCommand("SELECT count(*) FROM messaging_outbox WHERE type = 'test.rolled-back'");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task The_envelope_carries_id_type_version_occurred_at_and_the_trace_context()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Llo.Messaging",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("envelope");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<EnvelopeEvent, RecordingHandler<EnvelopeEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        // A second, plain queue on the same routing key shows the raw AMQP message.
        var rawQueue = MessagingTestHost.UniqueQueue("envelope-raw");
        await using (var connection = await TestBroker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(rawQueue, durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(rawQueue, "llo.events", "test.envelope");
        }

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var request = new Activity("test request").Start();
        await CommitAsync(new EnvelopeEvent("envelope", new DateOnly(2022, 3, 14)));
        request.Stop();

        var raw = await TestBroker.GetAsync(rawQueue, Soon);
        var props = raw.BasicProperties;
        var messageId = Guid.Parse(props.MessageId!);
        Assert.Equal("test.envelope", props.Type);
        Assert.Equal("application/json", props.ContentType);
        Assert.True(props.Persistent);
        Assert.Equal(3, props.Headers!["llo-version"]);
        var occurredAt = DateTimeOffset.Parse(Encoding.UTF8.GetString((byte[])props.Headers["llo-occurred-at"]!));
        Assert.InRange(occurredAt, before, DateTimeOffset.UtcNow);
        var traceParent = Encoding.UTF8.GetString((byte[])props.Headers["traceparent"]!);
        Assert.Equal(request.TraceId, ActivityContext.Parse(traceParent, null).TraceId);
        using var body = JsonDocument.Parse(raw.Body);
        Assert.Equal("envelope", body.RootElement.GetProperty("label").GetString());
        Assert.Equal("2022-03-14", body.RootElement.GetProperty("on").GetString());

        var delivery = await received.WaitForAsync(d => d.Context.MessageId == messageId, Soon);
        Assert.Equal(new EnvelopeEvent("envelope", new DateOnly(2022, 3, 14)), delivery.Event);
        Assert.Equal(new IntegrationEventContext(messageId, "test.envelope", 3, occurredAt, 1), delivery.Context with { Transaction = null });
        Assert.Equal(request.TraceId, delivery.TraceId);
        await host.StopAsync();
    }

    private async Task CommitAsync(Llo.Contracts.Events.IntegrationEvent evt)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Outbox.EnqueueAsync(tx, evt, CancellationToken.None);
        await tx.CommitAsync();
    }

    private async Task<DateTimeOffset?> SentAtAsync(string type)
    {
        await using var command = db.DataSource.CreateCommand("SELECT sent_at FROM messaging_outbox WHERE type = @type");
        command.Parameters.AddWithValue("type", type);
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }
}
