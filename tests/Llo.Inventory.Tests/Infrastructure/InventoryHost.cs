using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Llo.Inventory.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>
/// The real inventory service on real loopback ports (JSON on HTTP/1.1, gRPC on h2c), with its own fresh
/// PostgreSQL database and the test RabbitMQ. One per test class (xunit class fixture).
/// </summary>
public class InventoryHost : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private WebApplication? _app;

    public HttpClient Json { get; private set; } = null!;

    public GrpcChannel Grpc { get; private set; } = null!;

    public TestDatabase Database => _database;

    /// <summary>Extra configuration for a test class (e.g. "Inventory:SeedDemoData" = "false").</summary>
    public Dictionary<string, string> Settings { get; } = new() { ["Inventory:SeedDemoData"] = "false" };

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var httpPort = FreePort();
        var grpcPort = FreePort();
        var settings = new Dictionary<string, string>(Settings)
        {
            ["ConnectionStrings:inventory-db"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = TestServers.RabbitMq,
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _app = InventoryApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await _app.StartAsync();

        Json = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Grpc = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
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

        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
