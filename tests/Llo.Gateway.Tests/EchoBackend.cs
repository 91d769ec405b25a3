using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Llo.Gateway.Tests;

/// <summary>
/// A stand-in service: HTTP/1.1 on one port, h2c on another, like a Llo service. Every request is
/// answered with what arrived (method, path, query, protocol, headers, body length) as JSON.
/// </summary>
internal sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        GrpcUrl = $"http://127.0.0.1:{grpcPort}";
    }

    public string HttpUrl { get; }
    public string GrpcUrl { get; }

    /// <param name="healthDelay">How long <c>/health</c> takes to answer, for a service that is slow to answer.</param>
    public static async Task<EchoBackend> StartAsync(string name = "inventory", TimeSpan? healthDelay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the gateway's appsettings.json; its Kestrel endpoints are not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        ListenOptions? http = null, grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; http = o; });
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
        });
        var app = builder.Build();
        app.MapGet("/health", async (CancellationToken aborted) =>
        {
            if (healthDelay is { } delay) await Task.Delay(delay, aborted);
            return "Healthy";
        });
        app.Map("/{**path}", async (HttpContext context) =>
        {
            long length = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) length += read;
            // Echoed like a service that returns the correlation id it was given.
            if (context.Request.Headers.TryGetValue("X-Correlation-Id", out var id)) context.Response.Headers["X-Correlation-Id"] = id;
            return Results.Json(new Echo(
                name,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Protocol,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                length));
        });
        await app.StartAsync();
        // Kestrel writes the port it bound back into the listen options.
        return new EchoBackend(app, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal sealed record Echo(
    string Backend, string Method, string Path, string Query, string Protocol, Dictionary<string, string> Headers, long BodyLength);
