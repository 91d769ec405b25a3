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
// The last line is "RESULT <label> <events/s> <p50 ms> <p99 ms> <ceiling msg/s> <load1> <pipelined ceiling msg/s>
// <writers alone, per batch size: size:events/s,...> <relay p50/p99 ms> <consumer p50/p99 ms>", which run.sh puts side by side.
var postgres = args[0];
var amqp = args[1];
var label = args.Length > 2 ? args[2] : "this";
int Knob(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
var events = Knob("BENCH_EVENTS", 20000);
var writers = Knob("BENCH_WRITERS", 8);
var writerBatch = Math.Max(1, Knob("BENCH_WRITER_BATCH", 1));
var rate = Knob("BENCH_RATE", 0);
var payload = Knob("BENCH_PAYLOAD_BYTES", 200);
var pollMs = Knob("BENCH_RELAY_POLL_MS", 250);
var batch = Knob("BENCH_RELAY_BATCH", 100);
var prefetch = Knob("BENCH_PREFETCH", 0);
var ceilingMessages = Knob("BENCH_CEILING_MESSAGES", 5000);
var writerEvents = Knob("BENCH_WRITER_EVENTS", 5000);
var writerCeilingBatches = (Environment.GetEnvironmentVariable("BENCH_WRITER_CEILING_BATCHES") ?? "1 10")
    .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
var padding = new string('x', Math.Max(0, payload - 40));

await using var dataSource = NpgsqlDataSource.Create(postgres);
await MessagingSchema.EnsureAsync(dataSource);
async Task TruncateAsync()
{
    // Every run (this code or the baseline's) starts from empty tables, so neither inherits the other's rows.
    await using var truncate = dataSource.CreateCommand("TRUNCATE messaging_outbox, messaging_inbox");
    await truncate.ExecuteNonQueryAsync();
}
await TruncateAsync();

// The writers' own ceiling, before the relay runs: what the database commits with nothing else going on.
var writersAlone = new List<(int Batch, double Rate)>();
foreach (var size in writerCeilingBatches)
{
    Console.WriteLine($"Writers alone: {writerEvents} events, {writers} writers, {size} per transaction...");
    writersAlone.Add((size, await Writers.RunAsync(dataSource, writerEvents, writers, size, 0, padding, (_, _) => { })));
    await TruncateAsync();
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
var settings = new Dictionary<string, string?>
{
    ["ConnectionStrings:messaging"] = amqp,
    ["Llo:Messaging:RelayPollInterval"] = TimeSpan.FromMilliseconds(pollMs).ToString("c", CultureInfo.InvariantCulture),
    ["Llo:Messaging:RelayBatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
};
// 0: the block's own default.
if (prefetch > 0) settings["Llo:Messaging:Prefetch"] = prefetch.ToString(CultureInfo.InvariantCulture);
builder.Configuration.AddInMemoryCollection(settings);
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
var timings = new Timings();
builder.Services.AddSingleton(timings);
var queue = "bench.ticks." + Guid.NewGuid().ToString("N")[..8];
builder.AddLloMessaging().UseOutbox(_ => dataSource).AddHandler<BenchTick, TickHandler>(queue);
using var host = builder.Build();
await host.StartAsync();
await Task.Delay(TimeSpan.FromSeconds(3)); // queue declared and consumed before the clock starts

Console.WriteLine($"Ceiling: plain publish-with-confirms loop, {ceilingMessages} persistent messages of {payload} bytes, one at a time...");
var ceiling = await PlainPublisher.MessagesPerSecondAsync(amqp, ceilingMessages, payload);
Console.WriteLine($"Ceiling: the same with up to {batch} confirms in flight (as the relay publishes a window)...");
var pipelined = await PlainPublisher.MessagesPerSecondAsync(amqp, ceilingMessages, payload, inFlight: batch);

Console.WriteLine($"End to end: {events} events, {writers} writers, {writerBatch} per transaction, {(rate > 0 ? $"{rate}/s offered" : "as fast as they can")}...");
await using var observer = await StageObserver.StartAsync(amqp, timings);
int Pid(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : 0;
var (pgPid, rabbitPid) = (Pid("BENCH_PG_PID"), Pid("BENCH_RABBITMQ_PID"));
var cpuBefore = (Pg: CpuUsage.Seconds(pgPid), Rabbit: CpuUsage.Seconds(rabbitPid), App: CpuUsage.Self());
var watch = Stopwatch.StartNew();
using var sampling = new CancellationTokenSource();
var timeline = Timeline.SampleAsync(dataSource, timings, watch, sampling.Token);
var committedRate = await Writers.RunAsync(dataSource, events, writers, writerBatch, rate, padding,
    (sequence, at) => timings.Committed[sequence] = at);
var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
while (timings.Handled.Count < events && DateTime.UtcNow < deadline) await Task.Delay(20);
var handledIn = watch.Elapsed;
var cpu = (Pg: CpuUsage.Seconds(pgPid) - cpuBefore.Pg, Rabbit: CpuUsage.Seconds(rabbitPid) - cpuBefore.Rabbit, App: CpuUsage.Self() - cpuBefore.App);
await sampling.CancelAsync();
var samples = await timeline;
await host.StopAsync();

var endToEnd = timings.Handled.Count / handledIn.TotalSeconds;
var (p50, p99) = Timings.Latency(timings.Committed, timings.Handled);
var (relay50, relay99) = Timings.Latency(timings.Committed, timings.Published);
var (consumer50, consumer99) = Timings.Latency(timings.Published, timings.Handled);
var alone = string.Join(", ", writersAlone.Select(w => FormattableString.Invariant($"{w.Rate:F0} events/s with {w.Batch} per transaction")));
var lines = new[]
{
    "| measure | value |",
    "|---|---|",
    $"| plain publish-with-confirms loop, one at a time (ceiling) | {ceiling:F0} msg/s |",
    $"| the same, {batch} confirms in flight | {pipelined:F0} msg/s |",
    $"| writers alone ({writers}, nothing else running) | {alone} |",
    $"| outbox commits while relaying ({writers} writers, {writerBatch} per transaction) | {committedRate:F0} events/s |",
    $"| end to end (commit → relay → broker → consumer with inbox) | {endToEnd:F0} events/s ({endToEnd / ceiling:P0} of the one-at-a-time ceiling) |",
    $"| commit-to-handled latency p50 / p99 | {p50:F1} ms / {p99:F1} ms |",
    $"| of which relay (commit → routed by the broker) p50 / p99 | {relay50:F1} ms / {relay99:F1} ms |",
    $"| of which consumer (routed → handled) p50 / p99 | {consumer50:F1} ms / {consumer99:F1} ms |",
    $"| CPU seconds spent meanwhile: PostgreSQL / RabbitMQ / this program (writers, relay, consumer) | {cpu.Pg:F1} / {cpu.Rabbit:F1} / {cpu.App:F1} of {handledIn.TotalSeconds * Environment.ProcessorCount:F1} ({Environment.ProcessorCount} cores × {handledIn.TotalSeconds:F1} s) |",
    $"| CPU ms per event: PostgreSQL / RabbitMQ / this program | {PerEvent(cpu.Pg)} / {PerEvent(cpu.Rabbit)} / {PerEvent(cpu.App)} |",
    $"| handled | {timings.Handled.Count} of {events} |",
    $"| goal (≥ 5000 events/s, p99 ≤ 50 ms) | {(endToEnd >= 5000 && p99 <= 50 ? "PASS" : "FAIL")} |",
};
foreach (var line in lines) Console.WriteLine(line);
Console.WriteLine();
Console.WriteLine("Where the events were, each second (committed = written by the writers; in the outbox = committed, not yet");
Console.WriteLine("published; in flight = published, not yet handled):");
foreach (var line in samples) Console.WriteLine(line);
var load = (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0];
var aloneShort = string.Join(",", writersAlone.Select(w => FormattableString.Invariant($"{w.Batch}:{w.Rate:F0}")));
Console.WriteLine(FormattableString.Invariant(
    $"RESULT {label} {endToEnd:F0} {p50:F1} {p99:F1} {ceiling:F0} {load} {pipelined:F0} {aloneShort} {relay50:F1}/{relay99:F1} {consumer50:F1}/{consumer99:F1} {committedRate:F0} {PerEvent(cpu.Pg)}/{PerEvent(cpu.Rabbit)}/{PerEvent(cpu.App)}"));
return timings.Handled.Count == events ? 0 : 1;

string PerEvent(double seconds) => (seconds * 1000 / Math.Max(1, timings.Handled.Count)).ToString("F2", CultureInfo.InvariantCulture);
