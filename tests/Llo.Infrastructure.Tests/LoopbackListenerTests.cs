using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Llo.Testing;

namespace Llo.Infrastructure.Tests;

/// <summary>
/// What the servers that ./llo test started listen on, as <c>ss -ltnp</c> shows it: PostgreSQL, RabbitMQ (AMQP and
/// Erlang distribution) and the node's own epmd, each on loopback only. The app host starts them the same way
/// (Llo.AppHost/Infrastructure); the end-to-end test LoopbackListenerTests checks a whole ./llo run.
/// </summary>
public sealed partial class LoopbackListenerTests
{
    [Fact]
    public async Task The_test_servers_listen_on_loopback_only()
    {
        var postgres = int.Parse(File.ReadLines(Path.Combine(TestServers.PostgresDirectory, "data", "postmaster.pid")).First());
        var broker = int.Parse((await File.ReadAllTextAsync(Path.Combine(TestServers.RabbitMqDirectory, "rabbitmq.pid"))).Trim());
        var epmdPort = int.Parse((await File.ReadAllTextAsync(Path.Combine(TestServers.RabbitMqDirectory, "epmd.port"))).Trim());

        var listeners = (await ListenersAsync())
            .Where(listener => listener.Pid == postgres || listener.Pid == broker || listener.Endpoint.Port == epmdPort)
            .ToList();

        // Postgres, AMQP, Erlang distribution and epmd are all there (each may listen on 127.0.0.1 and ::1) ...
        Assert.Contains(listeners, listener => listener.Pid == postgres);
        Assert.True(listeners.Count(listener => listener.Pid == broker) >= 2, string.Join("\n", listeners));
        Assert.Contains(listeners, listener => listener.Endpoint.Port == epmdPort);
        // ... and none of them on an address another machine can reach.
        Assert.All(listeners, listener => Assert.True(IPAddress.IsLoopback(listener.Endpoint.Address), $"{listener} is not on loopback"));
    }

    internal sealed record Listener(IPEndPoint Endpoint, int? Pid, string Line)
    {
        public override string ToString() => Line;
    }

    /// <summary>Every TCP listener on the machine with its process, from <c>ss -ltnpH</c>.</summary>
    internal static async Task<List<Listener>> ListenersAsync()
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-ltnpH"]) { RedirectStandardOutput = true })!;
        var output = await ss.StandardOutput.ReadToEndAsync();
        await ss.WaitForExitAsync();
        Assert.Equal(0, ss.ExitCode);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse)];
    }

    // "LISTEN 0 128 127.0.0.1:55446 0.0.0.0:* users:(("postgres",pid=123,fd=6))"; IPv6 as [::1]:port, any as 0.0.0.0 or [::] or *.
    private static Listener Parse(string line)
    {
        var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var local = columns[3];
        var colon = local.LastIndexOf(':');
        var host = local[..colon].Trim('[', ']');
        var address = host == "*" ? IPAddress.IPv6Any : IPAddress.Parse(host.Split('%')[0]);
        var pid = PidPattern().Match(line);
        return new Listener(new IPEndPoint(address, int.Parse(local[(colon + 1)..])), pid.Success ? int.Parse(pid.Groups[1].Value) : null, line);
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}
