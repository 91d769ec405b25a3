using System.Globalization;

namespace Llo.Bench.Messaging;

/// <summary>
/// CPU time (user + system) of a server process and its children, from /proc: the process's own, what it collected from
/// children that ended (a PostgreSQL backend ends with its connection), and that of its live children. Two readings
/// around a run say how many CPU seconds PostgreSQL, RabbitMQ and this program spent on it.
/// </summary>
public static class CpuUsage
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU seconds so far of <paramref name="pid"/> and its children; NaN when it cannot be read.</summary>
    public static double Seconds(int pid)
    {
        try
        {
            var total = Fields(pid) is { } own ? own[13] + own[14] + own[15] + own[16] : double.NaN;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var child) || child == pid) continue;
                if (Fields(child) is { } f && (int)f[3] == pid) total += f[13] + f[14];
            }
            return total / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>The process's own CPU seconds (this program).</summary>
    public static double Self() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    // /proc/PID/stat, numbered from 0 as in proc(5) minus one; the name in parentheses may hold spaces.
    private static double[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var fields = new double[rest.Length + 2];
            for (var i = 0; i < rest.Length; i++)
            {
                fields[i + 2] = double.TryParse(rest[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
            }
            return fields;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
