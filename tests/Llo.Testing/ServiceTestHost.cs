using System.Net;
using System.Net.Http.Headers;
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
    private readonly List<IDisposable> _clients = [];
    private int _httpPort;
    private int _grpcPort;

    public TestDatabase Database { get; } = new();

    /// <summary>The service's JSON endpoint, sending <see cref="DefaultToken"/> (none unless the host names one).</summary>
    public HttpClient Json { get; private set; } = null!;

    /// <summary>The service's gRPC endpoint, sending <see cref="DefaultToken"/>.</summary>
    public GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>Signs the tokens the service accepts: it is the service's <c>Llo:Identity:Authority</c> and issuer.</summary>
    public TestIssuer Issuer { get; } = new();

    /// <summary>The token <see cref="Json"/> and <see cref="Grpc"/> send; null for anonymous.</summary>
    protected virtual TestToken? DefaultToken => null;

    /// <summary>Extra configuration for a test class, set before it starts (e.g. "Inventory:SeedDemoData" = "false").</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public IServiceProvider Services => _app!.Services;

    /// <summary>The service's composition root, given command-line style configuration.</summary>
    protected abstract WebApplication Build(string[] args);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Issuer.InitializeAsync();
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
            (_httpPort, _grpcPort) = (httpPort, grpcPort);
            Json = JsonAs(DefaultToken);
            Grpc = GrpcAs(DefaultToken);
            return;
        }
    }

    /// <summary>A JSON client sending <paramref name="token"/> signed by <see cref="Issuer"/> (null: anonymous).</summary>
    public HttpClient JsonAs(TestToken? token) => JsonWith(token is null ? null : Issuer.Token(token));

    /// <summary>A JSON client sending <paramref name="accessToken"/> as it is (null: anonymous), e.g. a bad token.</summary>
    public HttpClient JsonWith(string? accessToken)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}") };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>A gRPC channel sending <paramref name="token"/> signed by <see cref="Issuer"/> (null: anonymous).</summary>
    public GrpcChannel GrpcAs(TestToken? token)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (token is not null)
        {
            handler = new BearerHandler(Issuer.Token(token)) { InnerHandler = handler };
        }

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_grpcPort}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _clients.Add(channel);
        return channel;
    }

    private sealed class BearerHandler(string accessToken) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private string[] Arguments(int httpPort, int grpcPort)
    {
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{connectionName}"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = TestServers.RabbitMq,
            ["Llo:Identity:Authority"] = Issuer.Address,
            ["Llo:Identity:Issuer"] = Issuer.Name,
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // A host's own settings win (the identity service names its public issuer itself).
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Database.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
