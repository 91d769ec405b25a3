using System.Net;
using Grpc.Core;
using Llo.GrpcClients.Tests.Probe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.GrpcClients.Tests;

/// <summary>
/// A real gRPC server (h2c on a free loopback port) for <c>llo.probe.v1.ProbeService</c>. It answers what arrived,
/// and can be told to fail the first calls with <c>Unavailable</c> or to answer slowly.
/// </summary>
public sealed class ProbeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeServer(WebApplication app, Behaviour behaviour, int port)
    {
        _app = app;
        Calls = behaviour;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public Behaviour Calls { get; }

    public static async Task<ProbeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, options => { options.Protocols = HttpProtocols.Http2; listen = options; }));
        var behaviour = new Behaviour();
        builder.Services.AddSingleton(behaviour);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<ProbeService>();
        await app.StartAsync();
        return new ProbeServer(app, behaviour, listen!.IPEndPoint!.Port);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed class Behaviour
    {
        private int _attempts;

        /// <summary>How many calls so far (every attempt counts).</summary>
        public int Attempts => _attempts;

        /// <summary>The first this-many calls fail with Unavailable.</summary>
        public int FailFirst { get; set; }

        public TimeSpan Delay { get; set; }

        internal int Next() => Interlocked.Increment(ref _attempts);
    }

    private sealed class ProbeService(Behaviour behaviour) : Probe.ProbeService.ProbeServiceBase
    {
        public override Task<Arrival> GetNote(GetNoteRequest request, ServerCallContext context) => AnswerAsync(context);

        public override Task<Arrival> CreateNote(CreateNoteRequest request, ServerCallContext context) => AnswerAsync(context);

        private async Task<Arrival> AnswerAsync(ServerCallContext context)
        {
            var attempt = behaviour.Next();
            if (attempt <= behaviour.FailFirst)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "probe: not yet"));
            }
            if (behaviour.Delay > TimeSpan.Zero)
            {
                await Task.Delay(behaviour.Delay, context.CancellationToken);
            }
            return new Arrival
            {
                Attempt = attempt,
                CorrelationId = context.RequestHeaders.GetValue("x-correlation-id") ?? "",
                Traceparent = context.RequestHeaders.GetValue("traceparent") ?? "",
                DeadlineInSeconds = context.Deadline == DateTime.MaxValue ? -1 : (context.Deadline - DateTime.UtcNow).TotalSeconds,
            };
        }
    }
}
