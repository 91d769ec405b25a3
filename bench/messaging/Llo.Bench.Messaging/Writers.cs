using System.Diagnostics;
using Llo.Messaging;
using Npgsql;

namespace Llo.Bench.Messaging;

/// <summary>
/// Writers as a service has them: each commits transactions holding <c>batch</c> events written with
/// <see cref="Outbox.EnqueueAsync(NpgsqlTransaction, Llo.Contracts.Events.IntegrationEvent, CancellationToken)"/>;
/// sequence numbers 0..events-1, each noted with the moment its transaction committed.
/// </summary>
public static class Writers
{
    /// <returns>Events committed per second.</returns>
    public static async Task<double> RunAsync(
        NpgsqlDataSource dataSource, int events, int writers, int batch, int rate, string padding, Action<long, long> committed)
    {
        var next = 0L;
        // A fixed offered rate: each writer commits a transaction every writers × batch / rate seconds.
        var interval = rate > 0 ? writers * batch / (double)rate : 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var due = Stopwatch.GetTimestamp();
            while (true)
            {
                var end = Interlocked.Add(ref next, batch);
                var first = end - batch;
                if (first >= events) break;
                end = Math.Min(end, events);
                if (rate > 0)
                {
                    due += (long)(interval * Stopwatch.Frequency);
                    var wait = Timings.Milliseconds(due - Stopwatch.GetTimestamp());
                    if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                }
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var tx = await connection.BeginTransactionAsync();
                for (var sequence = first; sequence < end; sequence++)
                {
                    await Outbox.EnqueueAsync(tx, new BenchTick(sequence, padding));
                }
                await tx.CommitAsync();
                var now = Stopwatch.GetTimestamp();
                for (var sequence = first; sequence < end; sequence++) committed(sequence, now);
            }
        }));
        return events / watch.Elapsed.TotalSeconds;
    }
}
