using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Llo.Hosting.OpenApi;

/// <summary>
/// Describes on every operation the errors a caller can meet, all in the one error shape (<c>google.rpc.Status</c>
/// as JSON, with <c>google.rpc.BadRequest</c> field violations for 400).
/// </summary>
internal sealed class ErrorResponsesOperationFilter : IOperationFilter
{
    private static readonly (string Status, string Description)[] Errors =
    [
        ("400", "Ongeldige invoer (code INVALID_ARGUMENT, met per veld een uitleg in details) of een schrijfactie die de toestand niet toelaat (FAILED_PRECONDITION)."),
        ("401", "Niet ingelogd (UNAUTHENTICATED)."),
        ("403", "Geen toestemming (PERMISSION_DENIED)."),
        ("404", "Niet gevonden (NOT_FOUND)."),
        ("409", "Conflict: de versie is verouderd (ABORTED) of het bestaat al (ALREADY_EXISTS)."),
        ("413", "De body van het verzoek is te groot (RESOURCE_EXHAUSTED)."),
        ("429", "Te veel verzoeken; probeer het later opnieuw (RESOURCE_EXHAUSTED)."),
    ];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var status = context.SchemaGenerator.GenerateSchema(typeof(Google.Rpc.Status), context.SchemaRepository);
        foreach (var (code, description) in Errors)
        {
            operation.Responses.Remove(code); // a default-shaped one (ProblemDetails) would contradict the API
            operation.Responses[code] = new OpenApiResponse
            {
                Description = description,
                Content = { ["application/json"] = new OpenApiMediaType { Schema = status } },
            };
        }
    }
}
