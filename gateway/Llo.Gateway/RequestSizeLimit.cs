namespace Llo.Gateway;

/// <summary>
/// Request bodies above <c>Gateway:MaxRequestBodySize</c> get 413 in the platform's error shape. A declared
/// Content-Length is refused before anything is forwarded; a chunked body is cut off by Kestrel's limit
/// while it streams, which YARP answers with 413 and the status-code pages give it the same body.
/// </summary>
public static class RequestSizeLimit
{
    public static WebApplicationBuilder AddRequestSizeLimit(this WebApplicationBuilder builder)
    {
        var limit = GatewayOptions.From(builder.Configuration).MaxRequestBodySize;
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app)
    {
        var limit = GatewayOptions.From(app.ApplicationServices.GetRequiredService<IConfiguration>()).MaxRequestBodySize;
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await GatewayErrors.TooLargeAsync(context, limit);
                return;
            }
            await next(context);
        });
    }
}
