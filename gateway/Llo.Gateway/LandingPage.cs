using System.Net;
using System.Text;

namespace Llo.Gateway;

/// <summary>
/// <c>/</c> belongs to the web front end. Until one is configured (<c>Gateway:WebFrontEnd</c>) the gateway
/// answers there itself with a short Dutch HTML page: per service its OpenAPI document (a link that works
/// through this gateway) and its gRPC package, and the gateway's health.
/// </summary>
public static class LandingPage
{
    public static WebApplication MapLandingPage(this WebApplication app)
    {
        var options = GatewayOptions.From(app.Configuration);
        if (!string.IsNullOrWhiteSpace(options.WebFrontEnd)) return app;

        var page = Render(options);
        app.MapGet("/", () => TypedResults.Content(page, "text/html; charset=utf-8"));
        return app;
    }

    private static string Render(GatewayOptions options)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Llo-gateway</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ccc}
            code{background:#f3f3f3;padding:0 .2rem}</style>
            </head>
            <body>
            <h1>Llo-gateway</h1>
            <p>Toegang tot de diensten van de Tafel Leven Lang Ontwikkelen Waterweg. De JSON-API's staan onder
            <code>/api/&lt;dienst&gt;/v1/…</code>; partnersystemen gebruiken dezelfde methoden via gRPC (HTTP/2 zonder TLS)
            op de gRPC-poort van deze gateway.</p>
            <h2>Diensten</h2>
            """);
        if (options.Services.Count == 0)
        {
            html.Append("<p>Er zijn (nog) geen diensten aangesloten.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Dienst</th><th>API-beschrijving (OpenAPI)</th><th>gRPC-pakket</th></tr>\n");
            foreach (var service in options.Services)
            {
                var openApi = options.OpenApiPath.Replace("{service}", service, StringComparison.Ordinal);
                html.Append("<tr><td>").Append(Encode(service))
                    .Append("</td><td><a href=\"").Append(Encode(openApi)).Append("\">").Append(Encode(openApi))
                    .Append("</a></td><td><code>").Append(Encode(ServiceRoutes.GrpcPackage(options, service)))
                    .Append("</code></td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("<h2>Status</h2>\n<p><a href=\"").Append(Extensions.HealthPath)
            .Append("\">Gezondheid van de gateway en de diensten</a> (JSON)</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
