using System.Collections.Concurrent;
using System.Diagnostics;

namespace Llo.Bench.Messaging;

/// <summary>Commit and handled moments per sequence number (Stopwatch ticks), shared by the writers and the handler.</summary>
public sealed class Timings
{
    public ConcurrentDictionary<long, long> Committed { get; } = new();

    public ConcurrentDictionary<long, long> Handled { get; } = new();

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public (double P50, double P99) Latency(IEnumerable<long> sequences)
    {
        var latencies = sequences
            .Where(s => Committed.ContainsKey(s) && Handled.ContainsKey(s))
            .Select(s => Milliseconds(Handled[s] - Committed[s]))
            .Order()
            .ToArray();
        if (latencies.Length == 0) return (double.NaN, double.NaN);
        return (latencies[(int)(latencies.Length * 0.50)], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))]);
    }
}
