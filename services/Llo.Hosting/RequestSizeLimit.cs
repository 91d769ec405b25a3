using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Hosting;

/// <summary>
/// Every service enforces its own request size (<see cref="LloApi.MaxRequestSize"/>), not only the gateway: a service's
/// own ports are reachable on the machine, and what it refuses it never buffers. JSON bodies are cut off by Kestrel
/// (answered as 413 in the one error shape), gRPC messages by gRPC itself (RESOURCE_EXHAUSTED); gRPC lifts Kestrel's
/// body limit for its own calls, so the two limits do not overlap.
/// </summary>
internal static class RequestSizeLimit
{
    public static WebApplicationBuilder AddLloRequestSizeLimit(this WebApplicationBuilder builder, LloApi api)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = api.MaxRequestSize);
        builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.MaxReceiveMessageSize = api.MaxRequestSize);
        return builder;
    }
}
