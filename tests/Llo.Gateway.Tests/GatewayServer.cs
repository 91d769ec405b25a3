using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llo.Gateway.Tests;

/// <summary>
/// The real gateway (the composition Program.cs runs, with its appsettings.json) on two free loopback
/// ports, with settings on top; the services' addresses come through service-discovery configuration.
/// </summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpUrl = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcUrl = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Uri HttpUrl { get; }
    public Uri GrpcUrl { get; }

    public static async Task<GatewayServer> StartAsync(IDictionary<string, string?> settings)
    {
        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Llo.Gateway",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
        });
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        await app.StartAsync();
        return new GatewayServer(app, httpPort, grpcPort);
    }

    /// <summary>Settings pointing the gateway's one service, inventory, at a backend.</summary>
    public static Dictionary<string, string?> InventoryAt(string httpUrl, string grpcUrl) => new()
    {
        ["Gateway:Services:0"] = "inventory",
        ["services:inventory:http:0"] = httpUrl,
        ["services:inventory:grpc:0"] = grpcUrl,
    };

    public HttpClient CreateClient() => new() { BaseAddress = HttpUrl };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
