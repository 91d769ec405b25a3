using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Llo.Bench.Messaging;

/// <summary>
/// Once a second, where the events are: committed by the writers, still in the outbox (the relay is behind), published
/// but not handled (the broker or the consumer is behind), handled. Tells which stage a backlog builds up in.
/// </summary>
public static class Timeline
{
    public static async Task<List<string>> SampleAsync(NpgsqlDataSource dataSource, Timings timings, Stopwatch watch, CancellationToken ct)
    {
        var lines = new List<string> { "| s | committed | in the outbox | in flight | handled |", "|---|---|---|---|---|" };
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                var committed = timings.Committed.Count;
                await using var command = dataSource.CreateCommand("SELECT count(*) FROM messaging_outbox WHERE sent_at IS NULL");
                var unsent = (long)(await command.ExecuteScalarAsync(ct))!;
                var handled = timings.Handled.Count;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {watch.Elapsed.TotalSeconds:F0} | {committed} | {unsent} | {Math.Max(0, committed - unsent - handled)} | {handled} |"));
            }
        }
        catch (OperationCanceledException)
        {
            return lines;
        }
    }
}
