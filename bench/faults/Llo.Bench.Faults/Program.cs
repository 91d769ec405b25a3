using System.Diagnostics;
using Llo.Bench.Faults;

// The fault suite's client side (bench/faults/run.sh does the killing): count ProjectRegistered events, write the
// projects at a steady rate, wait for the script's last fault, drain, compare with the database, print the table.
var settings = FaultSettings.FromEnvironment();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var ct = stop.Token;
Directory.CreateDirectory(settings.WorkDirectory);
var titlePrefix = ProjectWriter.Title(settings.RunId, 0)[..^4];

await using var counter = await EventCounter.StartAsync(settings.Amqp, Path.Combine(settings.WorkDirectory, "deliveries.tsv"), ct);
using var http = new HttpClient { BaseAddress = settings.Gateway, Timeout = Timeout.InfiniteTimeSpan };
var tokens = new AccessToken(http);
await tokens.GetAsync(ct);
await WarmUp.RunAsync(http, tokens, TimeSpan.FromSeconds(15), ct);
Console.Error.WriteLine($"Token of partner-editor@demo1 fetched, paths warmed up; writing {settings.Projects} projects at {settings.Rate}/s.");
Console.Out.Flush();
await using var log = new StreamWriter(Path.Combine(settings.WorkDirectory, "writer.log")) { AutoFlush = true };
var writer = new ProjectWriter(http, tokens, settings, log);

var clock = Stopwatch.StartNew();
using var progress = new Timer(_ => Console.Error.WriteLine(
    $"  {clock.Elapsed.TotalSeconds,4:0} s: {writer.Attempts} attempts, {writer.AcknowledgedCount} acknowledged, {counter.Deliveries.Count} events"),
    null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
// The script times its kills by this count, so each fault falls within the writes however slowly servers restart.
var progressFile = Path.Combine(settings.WorkDirectory, "acknowledged");
using var acknowledgedFile = new Timer(_ =>
{
    File.WriteAllText(progressFile + ".tmp", writer.AcknowledgedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    File.Move(progressFile + ".tmp", progressFile, overwrite: true);
}, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
var writes = await writer.RunAsync(ct);
// The script's kills wait for a share of acknowledged writes: this tells it none are coming any more.
await File.WriteAllTextAsync(Path.Combine(settings.WorkDirectory, "writes.done"), "", ct);
Console.Error.WriteLine($"Writes done after {writes.Elapsed.TotalSeconds:0} s; waiting for the last fault to be over...");
while (!File.Exists(settings.FaultsDoneMarker)) await Task.Delay(500, ct);

// Drain: until every stored project of this run has its event, then a little longer for late duplicates.
var drain = Stopwatch.StartNew();
var stored = await StoredProjects.ReadAsync(settings.InventoryDatabase, titlePrefix, ct);
var expected = stored.Select(p => p.Id).Concat(writes.Acknowledged.Where(id => id is not null).Select(id => id!.Value)).ToHashSet();
while (drain.Elapsed < settings.Drain)
{
    var received = counter.Deliveries.Where(d => d.ProjectId is not null).Select(d => d.ProjectId!.Value).ToHashSet();
    if (expected.IsSubsetOf(received)) break;
    await Task.Delay(1000, ct);
}
Console.Error.WriteLine($"Drained after {drain.Elapsed.TotalSeconds:0} s; 10 s more for late deliveries...");
await Task.Delay(TimeSpan.FromSeconds(10), ct);
stored = await StoredProjects.ReadAsync(settings.InventoryDatabase, titlePrefix, ct);
var outbox = await StoredProjects.OutboxAsync(settings.InventoryDatabase, ct);

var report = new FaultReport(writes, stored, [.. counter.Deliveries], outbox, titlePrefix, drain.Elapsed);
Console.WriteLine(report.Render());
return report.Passed ? 0 : 1;
