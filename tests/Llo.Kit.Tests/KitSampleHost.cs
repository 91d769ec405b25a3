using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Net.Client;
using Llo.Kit.Tests.SampleService;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Kit.Tests;

/// <summary>The sample service on real loopback ports (JSON on HTTP/1.1, gRPC on h2c), with a fresh database and the test RabbitMQ.</summary>
public sealed class KitSampleHost : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Database { get; } = new();

    public HttpClient Json { get; private set; } = null!;

    public GrpcChannel Grpc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var (httpPort, grpcPort) = (FreePort(), FreePort());
        string[] args =
        [
            $"--ConnectionStrings:kitsample-db={Database.ConnectionString}",
            $"--ConnectionStrings:messaging={TestServers.RabbitMq}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
            "--Kestrel:Endpoints:http:Protocols=Http1",
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
            "--Kestrel:Endpoints:grpc:Protocols=Http2",
            "--Logging:LogLevel:Default=Warning",
        ];
        _app = KitSampleApp.Build(args);
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

        await Database.DisposeAsync();
    }

    /// <summary>The body of an answer that must be a success, with the status and text in the failure message otherwise.</summary>
    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
