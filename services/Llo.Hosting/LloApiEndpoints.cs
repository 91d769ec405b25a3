using Llo.Hosting.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Llo.Hosting;

/// <summary>What a service maps inside <see cref="LloApiHosting.MapLloApi"/>: its gRPC services and its few minimal-API endpoints.</summary>
public sealed class LloApiEndpoints
{
    private readonly IEndpointRouteBuilder _app;

    internal LloApiEndpoints(IEndpointRouteBuilder app)
    {
        _app = app;
        Endpoints = app.MapGroup("").AddEndpointFilter<RpcExceptionFilter>();
    }

    /// <summary>
    /// For endpoints outside the gRPC contract (file downloads, operator commands). They may validate with the
    /// helpers that throw <c>RpcException</c>: it is answered in the one error shape.
    /// </summary>
    public IEndpointRouteBuilder Endpoints { get; }

    public GrpcServiceEndpointConventionBuilder MapGrpcService<TService>() where TService : class => _app.MapGrpcService<TService>();
}
