using Google.Protobuf.Reflection;
using Google.Rpc;
using Llo.Hosting.Access;
using Llo.Hosting.Errors;
using Llo.Hosting.Json;
using Llo.Hosting.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Hosting;

/// <summary>
/// Hosts a service's gRPC API the Llo way: gRPC with JSON transcoding, reflection and health, the OpenAPI document
/// at <c>/api/&lt;service&gt;/v1/openapi.json</c> (minimal-API endpoints included) and one error shape for every
/// error a caller can cause. A service calls <see cref="AddLloApi"/> once and <see cref="MapLloApi"/> once.
/// </summary>
public static class LloApiHosting
{
    public static WebApplicationBuilder AddLloApi(this WebApplicationBuilder builder, LloApi api)
    {
        builder.Services.AddSingleton(api);

        // The registry lets transcoding write google.rpc.BadRequest details into the JSON error body (else it fails with 500).
        // A database outage answers 503 (Unavailable), not 500 (DatabaseUnavailable).
        builder.Services.AddGrpc(options => options.Interceptors.Add<DatabaseUnavailable>()).AddJsonTranscoding(options =>
            options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.AddLloRequestSizeLimit(api);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddLloOpenApi(api);
        builder.Services.AddLloAccess(api);
        return builder;
    }

    /// <summary>Maps the API: <paramref name="map"/> names the service's own gRPC services and endpoints, nothing else.</summary>
    public static WebApplication MapLloApi(this WebApplication app, Action<LloApiEndpoints> map)
    {
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseMiddleware<TranscodedRequestCheck>();
        app.UseLloOpenApi(app.Services.GetRequiredService<LloApi>());
        // After the error middleware, so refusals of the policies get the one error shape.
        app.UseAuthentication();
        app.UseAuthorization();

        map(new LloApiEndpoints(app));
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
