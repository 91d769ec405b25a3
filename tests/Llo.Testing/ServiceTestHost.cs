using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Llo.Testing;

/// <summary>
/// A Llo service on real loopback ports (JSON on HTTP/1.1, gRPC on h2c), with a fresh database of its own and the test
/// RabbitMQ: the same wiring as in production, built by the service's <c>…App.Build(args)</c>. One per test class
/// (xunit class fixture); a service's tests derive a small host that names its builder and database.
/// </summary>
public abstract class ServiceTestHost(string connectionName) : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Database { get; } = new();

    public HttpClient Json { get; private set; } = null!;

    public GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>Extra configuration for a test class, set before it starts (e.g. "Inventory:SeedDemoData" = "false").</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public IServiceProvider Services => _app!.Services;

    /// <summary>The service's composition root, given command-line style configuration.</summary>
    protected abstract WebApplication Build(string[] args);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        for (var attempt = 1; ; attempt++)
        {
            var (httpPort, grpcPort) = (FreePort(), FreePort());
            var app = Build(Arguments(httpPort, grpcPort));
            try
            {
                await app.StartAsync();
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process (an outgoing connection, the end-to-end tests' orchestrator) took a port between
                // choosing and binding it: the assemblies run at the same time. Choose again.
                await app.DisposeAsync();
                continue;
            }

            _app = app;
            Json = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            Grpc = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            return;
        }
    }

    private string[] Arguments(int httpPort, int grpcPort)
    {
        var settings = new Dictionary<string, string>(Settings)
        {
            [$"ConnectionStrings:{connectionName}"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = TestServers.RabbitMq,
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
    }

    public async Task DisposeAsync()
    {
        Json?.Dispose();
        Grpc?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
