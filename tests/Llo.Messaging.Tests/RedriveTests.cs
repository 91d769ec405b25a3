using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Llo.Messaging.Tests;

public sealed class RedriveTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => MessagingSchema.EnsureAsync(db.DataSource, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dead_letters_are_counted_and_redriven_for_a_fresh_try_without_a_second_effect_for_a_handled_one()
    {
        var depth = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Llo.Messaging" && instrument.Name == "llo.messaging.dead_letter_queue.depth")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => depth[(string)tags.ToArray().Single(t => t.Key == "queue").Value!] = value);
        meters.Start();

        SwitchableHandler.Broken = true;
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("redrive");
        using var host = await MessagingTestHost.StartAsync(db.DataSource, received,
            m => m.AddHandler<RedrivenEvent, SwitchableHandler>(queue),
            settings: new Dictionary<string, string?> { ["Llo:Messaging:DeadLetterPollInterval"] = "00:00:00.200" });
        await TestBroker.WaitForConsumerAsync(queue, Soon);
        var deadLetters = host.Services.GetRequiredService<DeadLetters>();

        var failed = Guid.NewGuid();
        await TestBroker.PublishAsync(failed, new RedrivenEvent("failed three times"));
        var deadline = DateTime.UtcNow + Soon;
        while (await TestBroker.MessageCountAsync(queue + ".dead") < 1 && DateTime.UtcNow < deadline) await Task.Delay(50);

        // A message that was handled and still ended up dead (say its ack was lost): its inbox id is recorded.
        SwitchableHandler.Broken = false;
        var handled = Guid.NewGuid();
        await TestBroker.PublishAsync(handled, new RedrivenEvent("handled already"));
        await received.WaitForAsync(d => d.Context.MessageId == handled, Soon);
        await TestBroker.PublishRawAsync(queue + ".dead", TestBroker.EventProperties(handled, "test.redriven"), """{"label":"handled already"}""");

        Assert.Equal(2L, (await deadLetters.CountAsync())[queue + ".dead"]);
        meters.RecordObservableInstruments();
        Assert.Equal(2L, depth[queue + ".dead"]);

        var moved = await deadLetters.RedriveAsync();
        Assert.Equal(2L, moved[queue]);

        // The failed one gets a fresh round (attempt 1, not dead at once), the handled one no second effect.
        var again = await received.WaitForAsync(d => d.Context.MessageId == failed, Soon);
        Assert.Equal(1, again.Context.DeliveryCount);
        await Task.Delay(500);
        Assert.Single(received.All, d => d.Context.MessageId == handled);
        Assert.Equal(0u, await TestBroker.MessageCountAsync(queue + ".dead"));
        meters.RecordObservableInstruments();
        Assert.Equal(0L, depth[queue + ".dead"]);
        await host.StopAsync();
    }
}
