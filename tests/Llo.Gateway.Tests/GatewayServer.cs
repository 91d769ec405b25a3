using System.Net;
using System.Net.Sockets;
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

    /// <param name="logs">Receives the gateway's log entries (Warning and above), for tests about what it logs.</param>
    /// <param name="applicationName">Also the name of the gateway's own ActivitySource (service defaults).</param>
    public static async Task<GatewayServer> StartAsync(
        IDictionary<string, string?> settings, ILoggerProvider? logs = null, string applicationName = "Llo.Gateway")
    {
        // A free port is only free until someone binds it: between the probe and Kestrel's bind, another test's
        // outgoing connection can take it (seen once in a full run). Then the gateway starts again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
            var app = Build(settings, logs, applicationName, httpPort, grpcPort);
            try
            {
                await app.StartAsync();
                return new GatewayServer(app, httpPort, grpcPort);
            }
            catch (IOException error) when (error.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static WebApplication Build(
        IDictionary<string, string?> settings, ILoggerProvider? logs, string applicationName, int httpPort, int grpcPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
        });
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        return app;
    }

    /// <summary>Settings pointing the gateway's one service, inventory, at a backend.</summary>
    public static Dictionary<string, string?> InventoryAt(string httpUrl, string grpcUrl) => new()
    {
        ["Gateway:Services:0"] = "inventory",
        ["services:inventory:http:0"] = httpUrl,
        ["services:inventory:grpc:0"] = grpcUrl,
    };

    public HttpClient CreateClient() => new() { BaseAddress = HttpUrl };

    /// <summary>A client whose connections come from <paramref name="source"/> (another loopback address, e.g. 127.0.0.2),
    /// as a second machine's would: the gateway sees that address as the peer.</summary>
    public HttpClient CreateClientFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = HttpUrl };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
