using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Llo.Bench.Matching;

/// <summary>Times each call and gives percentiles in milliseconds.</summary>
internal sealed record Timing(double P50, double P99)
{
    public static Timing Measure<T>(IReadOnlyList<T> inputs, Action<T> action) => Of(Times(inputs, action).Wall);

    /// <summary>
    /// The time of each call, in milliseconds, in input order: wall clock, and the CPU time of the calling thread (what
    /// the engine itself spent, without the time it waited for a core on a busy machine; NaN off Linux). With
    /// <paramref name="pauseMs"/>, the thread sleeps that long before each call, as a service thread waits for the
    /// next request, instead of running the calls back to back.
    /// </summary>
    public static (List<double> Wall, List<double> Cpu) Times<T>(IReadOnlyList<T> inputs, Action<T> action, int pauseMs = 0)
    {
        var wall = new List<double>(inputs.Count);
        var cpu = new List<double>(inputs.Count);
        foreach (var input in inputs)
        {
            if (pauseMs > 0)
            {
                Thread.Sleep(pauseMs);
            }

            var cpuStart = ThreadCpuNs();
            var start = Stopwatch.GetTimestamp();
            action(input);
            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add((ThreadCpuNs() - cpuStart) / 1e6);
        }

        return (wall, cpu);
    }

    public static Timing Of(IEnumerable<double> times)
    {
        var sorted = times.Order().ToArray();
        return new Timing(sorted[(int)(0.50 * (sorted.Length - 1))], sorted[(int)(0.99 * (sorted.Length - 1))]);
    }

    private const int ClockThreadCputimeId = 3;

    private static double ThreadCpuNs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        clock_gettime(ClockThreadCputimeId, out var t);
        return t.Seconds * 1e9 + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
