using System.Diagnostics;

namespace Llo.Bench.Matching;

/// <summary>Times each call and gives percentiles in milliseconds.</summary>
internal sealed record Timing(double P50, double P99)
{
    public static Timing Measure<T>(IReadOnlyList<T> inputs, Action<T> action)
    {
        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(inputs[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Timing(times[(int)(0.50 * (times.Length - 1))], times[(int)(0.99 * (times.Length - 1))]);
    }
}
