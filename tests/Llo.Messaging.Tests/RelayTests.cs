using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llo.Messaging.Tests;

/// <summary>One active relay per database, parking of a row the broker refuses, and the start-up check for a missing relay.</summary>
public sealed class RelayTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_relay_hosts_on_one_database_publish_500_events_of_one_aggregate_in_version_order_even_when_one_stops()
    {
        // Small batches and a quick poll make two unsynchronised relays interleave, as they did before the lock.
        var settings = new Dictionary<string, string?> { ["Llo:Messaging:RelayBatchSize"] = "10", ["Llo:Messaging:RelayPollInterval"] = "00:00:00.010" };
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("replicas");
        using var consumer = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<ReplicatedEvent, RecordingHandler<ReplicatedEvent>>(queue), settings: settings);
        await TestBroker.WaitForConsumerAsync(queue, Soon);
        using var first = await MessagingTestHost.StartAsync(db.DataSource, new Received(), _ => { }, settings: settings);
        using var second = await MessagingTestHost.StartAsync(db.DataSource, new Received(), _ => { }, settings: settings);

        var aggregate = Guid.NewGuid().ToString();
        for (var version = 1; version <= 500; version++)
        {
            await using var connection = await db.DataSource.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await Outbox.EnqueueAsync(tx, new ReplicatedEvent(version), aggregate, version);
            await tx.CommitAsync();
            // Halfway, one relay host goes away; if it was the active one, the other takes over.
            if (version == 250) await first.StopAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (received.All.Count < 500 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var versions = received.All.Select(d => d.Context.AggregateVersion).ToList();
        Assert.Equal(Enumerable.Range(1, 500).Select(v => (long?)v), versions);
        Assert.All(received.All, d => Assert.Equal(aggregate, d.Context.AggregateId));
        Assert.Equal(versions, received.All.Select(d => (long?)((ReplicatedEvent)d.Event).Sequence));
        await second.StopAsync();
        await consumer.StopAsync();
    }

    [Fact]
    public async Task A_row_the_broker_refuses_is_parked_with_a_log_line_a_metric_and_degraded_health_and_the_relay_goes_on()
    {
        var parked = new ConcurrentBag<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Llo.Messaging" && instrument.Name == "llo.messaging.parked") listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => parked.Add((string)tags.ToArray().Single(t => t.Key == "type").Value!));
        meters.Start();

        var logs = new CapturedLogs();
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("parking");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<ParkingEvent, RecordingHandler<ParkingEvent>>(queue), logs,
            new Dictionary<string, string?> { ["Llo:Messaging:RelayMaxAttempts"] = "3" });
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        // A routing key longer than AMQP's 255 bytes can never be published.
        var refusedType = "test.parking." + new string('x', 300);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var insert = new Npgsql.NpgsqlCommand(
                """
                INSERT INTO messaging_outbox (id, type, version, occurred_at, payload, aggregate_id, aggregate_version)
                VALUES (gen_random_uuid(), @type, 1, now(), '{"label":"refused"}', 'project-a', 1)
                """, connection, tx))
            {
                insert.Parameters.AddWithValue("type", refusedType);
                await insert.ExecuteNonQueryAsync();
            }
            await Outbox.EnqueueAsync(tx, new ParkingEvent("a, after the refused one"), "project-a", 2);
            await Outbox.EnqueueAsync(tx, new ParkingEvent("b, another aggregate"), "project-b", 1);
            await tx.CommitAsync();
        }

        await received.WaitForAsync(d => d.Event is ParkingEvent { Label: "b, another aggregate" }, Soon);
        await Task.Delay(500);
        Assert.DoesNotContain(received.All, d => d.Event is ParkingEvent { Label: "a, after the refused one" });

        await using (var rows = db.DataSource.CreateCommand("SELECT attempts, parked_at IS NOT NULL, sent_at IS NULL FROM messaging_outbox WHERE type = @type"))
        {
            rows.Parameters.AddWithValue("type", refusedType);
            await using var reader = await rows.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((3, true, true), (reader.GetInt32(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        }
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("Parked outbox row"));
        Assert.Equal([refusedType], parked);

        var health = host.Services.GetRequiredService<HealthCheckService>();
        var deadline = DateTime.UtcNow + Soon;
        HealthReport report;
        while ((report = await health.CheckHealthAsync()).Status != HealthStatus.Degraded && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(HealthStatus.Degraded, report.Entries["messaging"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_service_with_unsent_outbox_rows_but_no_relay_fails_at_start()
    {
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(tx, new ParkingEvent("waiting for a relay"), CancellationToken.None);
            await tx.CommitAsync();
        }
        try
        {
            using var host = MessagingTestHost.Build(db.DataSource, new Received(), _ => { }, useOutbox: false);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
            Assert.Contains("UseOutbox", error.Message);
        }
        finally
        {
            await using var cleanup = db.DataSource.CreateCommand("DELETE FROM messaging_outbox WHERE sent_at IS NULL");
            await cleanup.ExecuteNonQueryAsync();
        }
    }
}
