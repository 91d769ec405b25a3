using System.Collections.Concurrent;
using System.Diagnostics;

namespace Llo.Bench.Messaging;

/// <summary>
/// Commit, published (routed by the broker) and handled moments per sequence number (Stopwatch ticks), shared by the
/// writers, the stage observer and the handler.
/// </summary>
public sealed class Timings
{
    public ConcurrentDictionary<long, long> Committed { get; } = new();

    public ConcurrentDictionary<long, long> Published { get; } = new();

    public ConcurrentDictionary<long, long> Handled { get; } = new();

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>p50 and p99 of the time from <paramref name="from"/> to <paramref name="to"/> over the sequences in both.</summary>
    public static (double P50, double P99) Latency(ConcurrentDictionary<long, long> from, ConcurrentDictionary<long, long> to)
    {
        var latencies = from
            .Where(pair => to.ContainsKey(pair.Key))
            .Select(pair => Milliseconds(to[pair.Key] - pair.Value))
            .Order()
            .ToArray();
        if (latencies.Length == 0) return (double.NaN, double.NaN);
        return (latencies[(int)(latencies.Length * 0.50)], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))]);
    }
}
