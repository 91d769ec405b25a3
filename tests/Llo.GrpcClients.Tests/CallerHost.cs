using Llo.GrpcClients.Tests.Probe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Llo.GrpcClients.Tests;

/// <summary>
/// A Llo service's container as the service defaults build it (service discovery, resilient HttpClient
/// defaults, telemetry), with the probe service's "grpc" endpoint known by name and its client registered.
/// </summary>
internal sealed class CallerHost : IDisposable
{
    private readonly IHost _host;

    public CallerHost(ProbeServer server, Action<LloGrpcClientOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:probe:grpc:0"] = server.Url,
        });
        builder.AddServiceDefaults();
        builder.Services.AddLloGrpcClient<ProbeService.ProbeServiceClient>("probe", configure);
        _host = builder.Build();
    }

    public ProbeService.ProbeServiceClient Client => _host.Services.GetRequiredService<ProbeService.ProbeServiceClient>();

    public IServiceProvider Services => _host.Services;

    public void Dispose() => _host.Dispose();
}
