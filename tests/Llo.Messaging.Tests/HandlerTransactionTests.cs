using Llo.Testing;
using Microsoft.Extensions.Hosting;

namespace Llo.Messaging.Tests;

/// <summary>A handler's writes through <see cref="IntegrationEventContext.Transaction"/> commit with the inbox record or not at all.</summary>
public sealed class HandlerTransactionTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public async Task InitializeAsync()
    {
        await MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);
        await using var schema = db.DataSource.CreateCommand(HandlerEffects.Schema);
        await schema.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_failed_attempt_leaves_neither_its_writes_nor_an_inbox_record_and_the_retry_writes_once()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("effect-then-fail");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<TransactionalEvent, EffectThenFailHandler>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var id = Guid.NewGuid();
        await TestBroker.PublishAsync(id, new TransactionalEvent("fails once", FailedAttempts: 1));

        await Eventually(async () => await InboxCountAsync(id) == 1);
        Assert.Equal([1, 2], received.All.Where(d => d.Context.MessageId == id).Select(d => d.Context.DeliveryCount));
        var effect = Assert.Single(await EffectsAsync(id));
        // Attempt 2 saw nothing committed by attempt 1: its row and its inbox claim were rolled back together.
        Assert.Equal(("fails once", 2, 0L, 0L), effect);
        await host.StopAsync();
    }

    [Fact]
    public async Task In_a_batch_a_failing_message_undoes_only_its_own_writes_and_the_others_commit_once()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("batch");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<TransactionalEvent, EffectThenFailHandler>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        // Published back to back, most of them reach the consumer together and are handled in one transaction.
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var failingOnce = new HashSet<int> { 4, 17 };
        for (var i = 0; i < ids.Count; i++)
        {
            await TestBroker.PublishAsync(ids[i], new TransactionalEvent($"message {i}", FailedAttempts: failingOnce.Contains(i) ? 1 : 0));
        }

        foreach (var id in ids) await Eventually(async () => await InboxCountAsync(id) == 1);
        for (var i = 0; i < ids.Count; i++)
        {
            var effect = Assert.Single(await EffectsAsync(ids[i]));
            Assert.Equal(($"message {i}", failingOnce.Contains(i) ? 2 : 1, 0L, 0L), effect);
        }
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failing_handler_in_the_middle_of_a_batch_is_retried_alone_and_the_others_are_handled_once()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("batch-together");
        // The messages wait in the queue before a consumer attaches, so they arrive as one batch.
        using (var first = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<TransactionalEvent, EffectThenFailHandler>(queue)))
        {
            await TestBroker.WaitForConsumerAsync(queue, Soon);
            await first.StopAsync();
        }
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        const int failing = 5;
        for (var i = 0; i < ids.Count; i++)
        {
            await TestBroker.PublishAsync(ids[i], new TransactionalEvent($"message {i}", FailedAttempts: i == failing ? 1 : 0));
        }
        var duplicate = Guid.NewGuid();
        await TestBroker.PublishAsync(duplicate, new TransactionalEvent("duplicate", FailedAttempts: 0));
        await TestBroker.PublishAsync(duplicate, new TransactionalEvent("duplicate", FailedAttempts: 0));

        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<TransactionalEvent, EffectThenFailHandler>(queue));
        foreach (var id in ids.Append(duplicate)) await Eventually(async () => await InboxCountAsync(id) == 1);
        await host.StopAsync();

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(($"message {i}", i == failing ? 2 : 1, 0L, 0L), Assert.Single(await EffectsAsync(ids[i])));
        }
        Assert.Equal(("duplicate", 1, 0L, 0L), Assert.Single(await EffectsAsync(duplicate)));
        // The failing message's first attempt ran once (not again with the others), its retry once more, alone.
        Assert.Equal([1, 2], received.All.Where(d => d.Context.MessageId == ids[failing]).Select(d => d.Context.DeliveryCount));
        // Handlers after it in the batch never ran before it failed; those before it may have run a second time, but
        // their first run left nothing behind (the effects above are single).
        for (var i = failing + 1; i < ids.Count; i++) Assert.Single(received.All, d => d.Context.MessageId == ids[i]);
        Assert.All(ids, id => Assert.InRange(received.All.Count(d => d.Context.MessageId == id), 1, 2));
        // Everything was acknowledged (one acknowledgement for many included): nothing went back to the queue.
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue));
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue + ".dead"));
    }

    [Fact]
    public async Task A_duplicate_delivery_of_a_handled_message_writes_nothing()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("written-once");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<WrittenOnceEvent, EffectHandler>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var duplicated = Guid.NewGuid();
        var sentinel = Guid.NewGuid();
        await TestBroker.PublishAsync(duplicated, new WrittenOnceEvent("first copy"));
        await TestBroker.PublishAsync(duplicated, new WrittenOnceEvent("second copy"));
        await TestBroker.PublishAsync(sentinel, new WrittenOnceEvent("sentinel"));

        // One consumer handles a queue in order: once the sentinel's effect is committed, both copies have been through.
        await Eventually(async () => await InboxCountAsync(sentinel) == 1);
        Assert.Equal(("first copy", 1, 0L, 0L), Assert.Single(await EffectsAsync(duplicated)));
        Assert.Single(received.All, d => d.Context.MessageId == duplicated);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_event_a_handler_enqueues_is_published_when_the_handler_succeeded_and_not_when_it_failed()
    {
        var received = new Received();
        var triggers = MessagingTestHost.UniqueQueue("trigger");
        var followUps = MessagingTestHost.UniqueQueue("follow-up");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received, m => m
            .AddHandler<TriggerEvent, FollowUpPublishingHandler>(triggers)
            .AddHandler<FollowUpEvent, RecordingHandler<FollowUpEvent>>(followUps));
        await TestBroker.WaitForConsumerAsync(triggers, Soon);
        await TestBroker.WaitForConsumerAsync(followUps, Soon);

        var doomed = Guid.NewGuid();
        await TestBroker.PublishAsync(doomed, new TriggerEvent("fails always", FailedAttempts: int.MaxValue));
        var dead = await TestBroker.GetAsync(triggers + ".dead", Soon);
        Assert.Equal(doomed.ToString(), dead.BasicProperties.MessageId);

        var recovering = Guid.NewGuid();
        await TestBroker.PublishAsync(recovering, new TriggerEvent("fails once", FailedAttempts: 1));
        await received.WaitForAsync(d => d.Event is FollowUpEvent { Label: "fails once" }, Soon);

        Assert.Equal(3, received.All.Count(d => d.Context.MessageId == doomed));
        Assert.Equal(2, received.All.Count(d => d.Context.MessageId == recovering));
        // Five enqueues ran, but only the one in the committed attempt reached the outbox and the broker.
        await using var outbox = db.DataSource.CreateCommand("SELECT payload->>'label' FROM messaging_outbox WHERE type = 'test.follow-up'");
        await using (var reader = await outbox.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("fails once", reader.GetString(0));
            Assert.False(await reader.ReadAsync());
        }
        Assert.Single(received.All, d => d.Event is FollowUpEvent);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_handler_that_swallows_a_database_error_in_the_transaction_is_retried_not_acknowledged()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("swallows");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<SwallowingEvent, SwallowingHandler>(queue));
        await TestBroker.WaitForConsumerAsync(queue, Soon);

        var id = Guid.NewGuid();
        await TestBroker.PublishAsync(id, new SwallowingEvent("swallowed"));

        await Eventually(async () => await InboxCountAsync(id) == 1);
        Assert.Equal([1, 2], received.All.Where(d => d.Context.MessageId == id).Select(d => d.Context.DeliveryCount));
        Assert.Equal(("swallowed", 2, 0L, 0L), Assert.Single(await EffectsAsync(id)));
        await host.StopAsync();
    }

    private async Task<long> InboxCountAsync(Guid messageId)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM messaging_inbox WHERE message_id = @id");
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(string Label, int Attempt, long RowsBefore, long InboxBefore)>> EffectsAsync(Guid messageId)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT label, attempt, rows_before, inbox_before FROM handler_effects WHERE message_id = @id ORDER BY attempt");
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync();
        var effects = new List<(string, int, long, long)>();
        while (await reader.ReadAsync()) effects.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3)));
        return effects;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"Condition not met within {Soon}.");
            await Task.Delay(50);
        }
    }
}
