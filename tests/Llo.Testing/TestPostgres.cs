using System.Diagnostics;
using Npgsql;

namespace Llo.Testing;

/// <summary>
/// A PostgreSQL cluster of its own for an outage test: initialised in a temporary directory, on a free port, and
/// stopped and started at will. The shared test cluster is never stopped, because the other test assemblies that
/// <c>dotnet test</c> runs at the same time would lose their databases. Use it as an xunit class fixture.
/// </summary>
public sealed class TestPostgres : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "llo-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private int _port;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private string DataDirectory => Path.Combine(_directory, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (Environment.UserName == "root")
        {
            await RunAsync(new ProcessStartInfo("chown", ["postgres:postgres", _directory]));
        }

        await RunAsPostgresAsync("initdb", "-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        _port = ServiceTestHost.FreePort();
        await StartAsync();
        ConnectionString = $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>Stops the server the way an operator's restart does; every open connection breaks.</summary>
    public async Task StopAsync()
    {
        await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public Task StartAsync() =>
        RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {_port} -h 127.0.0.1 -k {_directory}", "start");

    public async Task DisposeAsync()
    {
        if (DataSource is not null) await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test failed between StopAsync and StartAsync).
        }

        Directory.Delete(_directory, recursive: true);
    }

    // PostgreSQL refuses to run as root; ./llo test starts its servers as the postgres account, so do the same.
    private static Task RunAsPostgresAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(Bin, program);
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", path, .. arguments])
            : new ProcessStartInfo(path, arguments);
        return RunAsync(start);
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
