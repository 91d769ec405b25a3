using Llo.Testing;
using Microsoft.Extensions.Hosting;

namespace Llo.Messaging.Tests;

public sealed class HousekeepingTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sent_outbox_rows_and_inbox_ids_older_than_the_retention_are_deleted_in_batches_and_nothing_else()
    {
        await using (var seed = db.DataSource.CreateCommand(
            """
            INSERT INTO messaging_outbox (id, type, version, occurred_at, payload, sent_at, parked_at)
            SELECT gen_random_uuid(), 'test.old-sent', 1, now() - interval '9 days', '{}', now() - interval '8 days', NULL FROM generate_series(1, 7);
            INSERT INTO messaging_outbox (id, type, version, occurred_at, payload, sent_at, parked_at)
            VALUES (gen_random_uuid(), 'test.recent-sent', 1, now(), '{}', now() - interval '1 day', NULL),
                   (gen_random_uuid(), 'test.old-parked', 1, now() - interval '30 days', '{}', NULL, now() - interval '29 days');
            INSERT INTO messaging_inbox (message_id, consumer, processed_at)
            SELECT gen_random_uuid(), 'test.old', now() - interval '8 days' FROM generate_series(1, 5);
            INSERT INTO messaging_inbox (message_id, consumer, processed_at) VALUES (gen_random_uuid(), 'test.recent', now() - interval '6 days');
            """))
            await seed.ExecuteNonQueryAsync();

        using var host = await MessagingTestHost.StartAsync(db.DataSource, new Received(), _ => { }, settings: new Dictionary<string, string?>
        {
            ["Llo:Messaging:HousekeepingBatchSize"] = "2",
            ["Llo:Messaging:HousekeepingInterval"] = "00:00:00.200",
        });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await CountAsync("SELECT count(*) FROM messaging_outbox WHERE type = 'test.old-sent'") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        while (await CountAsync("SELECT count(*) FROM messaging_inbox WHERE consumer = 'test.old'") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await host.StopAsync();

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM messaging_outbox WHERE type = 'test.old-sent'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM messaging_outbox WHERE type = 'test.recent-sent'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM messaging_outbox WHERE type = 'test.old-parked'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM messaging_inbox WHERE consumer = 'test.old'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM messaging_inbox WHERE consumer = 'test.recent'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
