using System.Diagnostics;

namespace Llo.Bench.Matching;

/// <summary>Times each call and gives percentiles in milliseconds.</summary>
internal sealed record Timing(double P50, double P99)
{
    public static Timing Measure<T>(IReadOnlyList<T> inputs, Action<T> action) => Of(Times(inputs, action));

    /// <summary>The time of each call, in milliseconds, in input order.</summary>
    public static List<double> Times<T>(IReadOnlyList<T> inputs, Action<T> action)
    {
        var times = new List<double>(inputs.Count);
        foreach (var input in inputs)
        {
            var start = Stopwatch.GetTimestamp();
            action(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    public static Timing Of(IEnumerable<double> times)
    {
        var sorted = times.Order().ToArray();
        return new Timing(sorted[(int)(0.50 * (sorted.Length - 1))], sorted[(int)(0.99 * (sorted.Length - 1))]);
    }
}
