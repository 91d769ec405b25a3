namespace Llo.Gateway;

/// <summary>
/// The gateway's composition, one concern per line and per file, in pipeline order. Program.cs and the
/// tests start exactly this.
/// </summary>
/// <remarks>
/// Listening: Kestrel's <c>Http1AndHttp2</c> on plain HTTP only speaks HTTP/1.1 (HTTP/2 is chosen by TLS
/// ALPN, and there is no TLS here; checked: Kestrel logs "HTTP/2 is not enabled … Connections to this
/// endpoint will use HTTP/1.1" and a prior-knowledge h2c request fails), so gRPC partners could not reach
/// a single port. The gateway therefore has two Kestrel endpoints, as every service does: <c>http</c>
/// (HTTP/1.1, default 8080: browser, JSON, health, OpenAPI) and <c>grpc</c> (HTTP/2 only, h2c, default
/// 8081: partner systems). Both serve the same routes.
/// </remarks>
public static class Gateway
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddDownstreamSpanNames();
        builder.AddTrustedForwardedHeaders();
        builder.AddRequestSizeLimit();
        builder.AddGatewayRateLimiting();
        builder.AddServiceRoutes();
        builder.AddServiceHealthChecks();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(GatewayErrors.ForEmptyAnswerAsync);
        app.UseRequestSizeLimit();
        app.UseRateLimiter();
        app.MapGatewayHealth();
        app.MapLandingPage();
        app.MapReverseProxy();
        return app;
    }
}
