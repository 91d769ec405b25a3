namespace Llo.Gateway;

/// <summary>
/// Request bodies above <c>Gateway:MaxRequestBodySize</c> get 413 with ProblemDetails. A declared
/// Content-Length is refused before anything is forwarded; a chunked body is cut off by Kestrel's limit
/// while it streams, which YARP answers with 413 and the status-code pages give the ProblemDetails body.
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
                await WriteTooLargeAsync(context, limit);
                return;
            }
            await next(context);
        });
    }

    private static ValueTask WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Verzoek te groot",
                Detail = $"Het verzoek mag hoogstens {limit} bytes bevatten.",
            },
        });
    }
}
