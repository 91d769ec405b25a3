namespace Llo.Gateway;

/// <summary>
/// <c>/</c> belongs to the web front end. Until one is configured (<c>Gateway:WebFrontEnd</c>) the gateway
/// answers there itself with a short Dutch overview of the APIs behind it.
/// </summary>
public static class LandingPage
{
    public static WebApplication MapLandingPage(this WebApplication app)
    {
        var options = GatewayOptions.From(app.Configuration);
        if (!string.IsNullOrWhiteSpace(options.WebFrontEnd)) return app;

        var overview = new
        {
            naam = "Llo-gateway",
            omschrijving = "Toegang tot de diensten van de Tafel Leven Lang Ontwikkelen Waterweg. "
                + "JSON onder /api/<dienst>/v1/…, gRPC (HTTP/2 zonder TLS) op de gRPC-poort van deze gateway.",
            diensten = options.Services.Select(service => new
            {
                dienst = service,
                json = $"/api/{service}/v1/",
                openApi = options.OpenApiPath.Replace("{service}", service, StringComparison.Ordinal),
                grpcPakket = ServiceRoutes.GrpcPackage(options, service),
            }).ToArray(),
            gezondheid = Extensions.HealthPath,
        };
        app.MapGet("/", () => TypedResults.Json(overview));
        return app;
    }
}
