using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Hosting.OpenApi;

/// <summary>The OpenAPI document of a service's JSON API, from its protos (Grpc.Swagger) and its minimal-API endpoints.</summary>
internal static class LloOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddLloOpenApi(this IServiceCollection services, LloApi api)
    {
        services.AddGrpcSwagger();
        services.AddEndpointsApiExplorer(); // minimal-API endpoints (agenda.ics) in the document too
        services.AddSwaggerGen(options => options.SwaggerDoc(DocumentName, new() { Title = api.Title, Version = DocumentName }));
        return services;
    }

    public static IApplicationBuilder UseLloOpenApi(this IApplicationBuilder app, LloApi api) =>
        app.UseSwagger(options => options.RouteTemplate = $"api/{api.Service}/{{documentName}}/openapi.json");
}
