using System.Diagnostics;
using Npgsql;

namespace Llo.Testing;

/// <summary>
/// Stops and starts the test PostgreSQL cluster that <c>./llo test</c> runs, for outage tests. The server tells where it
/// lives (data directory, port, socket directory), so the helper needs nothing but the admin connection.
/// Every connection of every test database breaks while it is stopped: only tests that run alone may use it.
/// </summary>
public static class TestPostgres
{
    private sealed record Server(string DataDirectory, string Port, string SocketDirectory);

    private static Server? _server;

    public static async Task StopAsync()
    {
        _server ??= await DescribeAsync();
        await PgCtlAsync("-D", _server.DataDirectory, "-m", "fast", "-w", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task StartAsync()
    {
        var server = _server ?? throw new InvalidOperationException("StartAsync follows StopAsync.");
        var log = Path.Combine(Path.GetDirectoryName(server.DataDirectory)!, "postgres.log");
        await PgCtlAsync("-D", server.DataDirectory, "-l", log, "-w", "-t", "60",
            "-o", $"-p {server.Port} -h 127.0.0.1 -k {server.SocketDirectory}", "start");
    }

    private static async Task<Server> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgresAdmin);
        await connection.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        return new Server(await Show("data_directory"), await Show("port"), (await Show("unix_socket_directories")).Split(',')[0].Trim());
    }

    private static async Task PgCtlAsync(params string[] arguments)
    {
        const string pgCtl = "/usr/lib/postgresql/15/bin/pg_ctl";
        // PostgreSQL refuses to run as root; ./llo test starts it as the postgres account, so do the same.
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv") { ArgumentList = { "--reuid=postgres", "--regid=postgres", "--init-groups", pgCtl } }
            : new ProcessStartInfo(pgCtl);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_ctl {arguments[^1]} failed ({process.ExitCode}): {await output} {await error}");
    }
}
