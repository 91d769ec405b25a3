using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document of a service's JSON API: operations from the protos (Grpc.Swagger) and from the minimal-API
/// endpoints, summaries from the proto comments, required fields, the one error shape on every operation, and how to
/// authenticate (the schemes, and per operation what its policy asks).
/// </summary>
internal static class LloOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddLloOpenApi(this IServiceCollection services, LloApi api)
    {
        services.AddGrpcSwagger();
        services.AddEndpointsApiExplorer(); // minimal-API endpoints (agenda.ics) in the document too
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new() { Title = api.Title, Version = DocumentName });
            foreach (var documentation in ContractDocumentation())
            {
                options.IncludeGrpcXmlComments(documentation, includeControllerXmlComments: true);
                options.IncludeXmlComments(documentation); // field comments as schema property descriptions
            }

            options.SchemaFilter<RequiredFieldsSchemaFilter>();
            options.OperationFilter<ErrorResponsesOperationFilter>();
            options.DocumentFilter<SecuritySchemes>();
            options.OperationFilter<SecurityRequirementsOperationFilter>();
            options.CustomSchemaIds(SchemaIds.For);
        });
        return services;
    }

    public static IApplicationBuilder UseLloOpenApi(this IApplicationBuilder app, LloApi api) =>
        app.UseSwagger(options => options.RouteTemplate = $"api/{api.Service}/{{documentName}}/openapi.json");

    /// <summary>The XML documentation generated from the proto comments (Llo.Contracts.xml), copied beside the service.</summary>
    private static IEnumerable<string> ContractDocumentation() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Llo.*.xml")
            .Where(xml => File.Exists(Path.ChangeExtension(xml, ".dll")));
}
