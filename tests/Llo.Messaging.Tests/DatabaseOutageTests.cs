using Llo.Testing;
using Microsoft.Extensions.Hosting;

namespace Llo.Messaging.Tests;

/// <summary>The database goes away under a consumer: on a cluster of its own, so no other test loses its database.</summary>
public sealed class DatabaseOutageTests(TestPostgres db) : IClassFixture<TestPostgres>, IAsyncLifetime
{
    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_delivered_while_the_database_is_down_are_handled_once_after_it_returns_and_none_is_dead_lettered()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("db-outage");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<DatabaseOutageEvent, RecordingHandler<DatabaseOutageEvent>>(queue));
        await TestBroker.WaitForConsumerAsync(queue, TimeSpan.FromSeconds(20));

        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        try
        {
            await db.StopAsync();
            for (var i = 0; i < ids.Count; i++) await TestBroker.PublishAsync(ids[i], new DatabaseOutageEvent(i));
            // Far longer than the test's whole retry budget (3 attempts, 100-400 ms apart).
            await Task.Delay(TimeSpan.FromSeconds(30));
            Assert.Empty(received.All);
        }
        finally
        {
            await db.StartAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (received.All.Count < ids.Count && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(ids.Order(), received.All.Select(d => d.Context.MessageId).Order());
        Assert.All(received.All, d => Assert.Equal(1, d.Context.DeliveryCount));
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue + ".dead"));
        await using var inbox = db.DataSource.CreateCommand("SELECT count(*) FROM messaging_inbox WHERE consumer = @queue");
        inbox.Parameters.AddWithValue("queue", queue);
        Assert.Equal(50L, await inbox.ExecuteScalarAsync());
        await host.StopAsync();
    }
}
