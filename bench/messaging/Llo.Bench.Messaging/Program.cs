using System.Diagnostics;
using System.Globalization;
using Llo.Bench.Messaging;
using Llo.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// Usage: Llo.Bench.Messaging <postgres connection string> <amqp uri> [label]; knobs in BENCH_* variables (see run.sh).
// The last line is "RESULT <label> <events/s> <p50 ms> <p99 ms> <ceiling msg/s> <load1>", which run.sh puts side by side.
var postgres = args[0];
var amqp = args[1];
var label = args.Length > 2 ? args[2] : "this";
int Knob(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
var events = Knob("BENCH_EVENTS", 20000);
var writers = Knob("BENCH_WRITERS", 8);
var rate = Knob("BENCH_RATE", 0);
var payload = Knob("BENCH_PAYLOAD_BYTES", 200);
var pollMs = Knob("BENCH_RELAY_POLL_MS", 250);
var batch = Knob("BENCH_RELAY_BATCH", 100);
var prefetch = Knob("BENCH_PREFETCH", 16);

await using var dataSource = NpgsqlDataSource.Create(postgres);
await MessagingSchema.EnsureAsync(dataSource);
// Every run (this code or the baseline's) starts from empty tables, so neither inherits the other's rows.
await using (var truncate = dataSource.CreateCommand("TRUNCATE messaging_outbox, messaging_inbox"))
{
    await truncate.ExecuteNonQueryAsync();
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:messaging"] = amqp,
    ["Llo:Messaging:RelayPollInterval"] = TimeSpan.FromMilliseconds(pollMs).ToString("c", CultureInfo.InvariantCulture),
    ["Llo:Messaging:RelayBatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
    ["Llo:Messaging:Prefetch"] = prefetch.ToString(CultureInfo.InvariantCulture),
});
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
var timings = new Timings();
builder.Services.AddSingleton(timings);
var queue = "bench.ticks." + Guid.NewGuid().ToString("N")[..8];
builder.AddLloMessaging().UseOutbox(_ => dataSource).AddHandler<BenchTick, TickHandler>(queue);
using var host = builder.Build();
await host.StartAsync();
await Task.Delay(TimeSpan.FromSeconds(3)); // queue declared and consumed before the clock starts

Console.WriteLine($"Ceiling: plain publish-with-confirms loop, {events} persistent messages of {payload} bytes, one at a time...");
var ceiling = await PlainPublisher.MessagesPerSecondAsync(amqp, events, payload);

Console.WriteLine($"End to end: {events} events, {writers} writers, {(rate > 0 ? $"{rate}/s offered" : "as fast as they can")}...");
var padding = new string('x', Math.Max(0, payload - 40));
var next = -1L;
var watch = Stopwatch.StartNew();
using var sampling = new CancellationTokenSource();
var timeline = Timeline.SampleAsync(dataSource, timings, watch, sampling.Token);
var interval = rate > 0 ? TimeSpan.FromSeconds(writers / (double)rate) : TimeSpan.Zero;
await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
{
    var due = Stopwatch.GetTimestamp();
    while (Interlocked.Increment(ref next) is var sequence && sequence < events)
    {
        if (rate > 0)
        {
            due += (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Timings.Milliseconds(due - Stopwatch.GetTimestamp());
            if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Outbox.EnqueueAsync(tx, new BenchTick(sequence, padding));
        await tx.CommitAsync();
        timings.Committed[sequence] = Stopwatch.GetTimestamp();
    }
}));
var committedIn = watch.Elapsed;
var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
while (timings.Handled.Count < events && DateTime.UtcNow < deadline) await Task.Delay(20);
var handledIn = watch.Elapsed;
await sampling.CancelAsync();
var samples = await timeline;
await host.StopAsync();

var endToEnd = timings.Handled.Count / handledIn.TotalSeconds;
var (p50, p99) = timings.Latency(Enumerable.Range(0, events).Select(i => (long)i));
var lines = new[]
{
    "| measure | value |",
    "|---|---|",
    $"| plain publish-with-confirms loop (ceiling) | {ceiling:F0} msg/s |",
    $"| outbox commits (writers) | {events / committedIn.TotalSeconds:F0} events/s |",
    $"| end to end (commit → relay → broker → consumer with inbox) | {endToEnd:F0} events/s ({endToEnd / ceiling:P0} of the ceiling) |",
    $"| commit-to-handled latency p50 / p99 | {p50:F1} ms / {p99:F1} ms |",
    $"| handled | {timings.Handled.Count} of {events} |",
    $"| goal (≥ 5000 events/s, p99 ≤ 50 ms) | {(endToEnd >= 5000 && p99 <= 50 ? "PASS" : "FAIL")} |",
};
foreach (var line in lines) Console.WriteLine(line);
Console.WriteLine();
Console.WriteLine("Where the events were, each second (committed = written by the writers; in the outbox = committed, not yet");
Console.WriteLine("published; in flight = published, not yet handled):");
foreach (var line in samples) Console.WriteLine(line);
var load = (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0];
Console.WriteLine(FormattableString.Invariant($"RESULT {label} {endToEnd:F0} {p50:F1} {p99:F1} {ceiling:F0} {load}"));
return timings.Handled.Count == events ? 0 : 1;
