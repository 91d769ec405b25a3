using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
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

    [Fact]
    public async Task A_service_counts_and_redrives_its_dead_letters_on_its_operator_endpoints()
    {
        var received = new Received();
        var queue = MessagingTestHost.UniqueQueue("redrive-http");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = TestServers.RabbitMq });
        builder.Services.AddSingleton(received);
        builder.AddLloMessaging().UseOutbox(_ => db.DataSource)
            .AddHandler<RedrivenOverHttpEvent, RecordingHandler<RedrivenOverHttpEvent>>(queue);
        await using var app = builder.Build();
        await app.StartAsync();
        await TestBroker.WaitForConsumerAsync(queue, Soon);
        var id = Guid.NewGuid();
        await TestBroker.PublishRawAsync(queue + ".dead", TestBroker.EventProperties(id, "test.redriven-over-http"), """{"label":"dead"}""");

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var counts = await http.GetFromJsonAsync<Dictionary<string, long>>("/admin/messaging/dead-letters");
        Assert.Equal(1L, counts![queue + ".dead"]);
        using var redrive = await http.PostAsync("/admin/messaging/dead-letters:redrive", null);
        redrive.EnsureSuccessStatusCode();
        Assert.Equal(1L, (await redrive.Content.ReadFromJsonAsync<Dictionary<string, long>>())![queue]);
        await received.WaitForAsync(d => d.Context.MessageId == id, Soon);
        await app.StopAsync();
    }
}
