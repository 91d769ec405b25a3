using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Llo.Gateway;

/// <summary>
/// The gateway's own refusals in the platform's one error shape (docs/conventions.md): the JSON of
/// <c>google.rpc.Status</c> (<c>code</c>, Dutch <c>message</c>, <c>details</c>), as the services answer, so a front
/// end or partner parses one shape whether the gateway or a service refused.
/// </summary>
public static class GatewayErrors
{
    // google.rpc.Code values; the gateway has no gRPC dependency for five numbers.
    private const int NotFound = 5, ResourceExhausted = 8, Unimplemented = 12, Internal = 13, Unavailable = 14, DeadlineExceeded = 4;

    public static Task WriteAsync(HttpContext context, int httpStatus, int code, string message)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message, details = Array.Empty<object>() }));
    }

    public static Task TooManyRequestsAsync(HttpContext context, int retryAfterSeconds) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, ResourceExhausted,
            $"Te veel verzoeken van dit adres; probeer het over {retryAfterSeconds} seconden opnieuw.");

    public static Task TooLargeAsync(HttpContext context, long limit) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ResourceExhausted,
            $"Het verzoek is te groot: de body mag hoogstens {limit} bytes bevatten.");

    /// <summary>
    /// Status-code pages: an error answer without a body of its own (YARP's 413 for a streamed body, 502/504 when a
    /// service is away, a path no route claims). gRPC callers read the status from the HTTP code, so they get no body.
    /// </summary>
    public static Task ForEmptyAnswerAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            return Task.CompletedTask;
        }

        var limit = GatewayOptions.From(context.RequestServices.GetRequiredService<IConfiguration>()).MaxRequestBodySize;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => TooLargeAsync(context, limit),
            StatusCodes.Status404NotFound => WriteAsync(context, 404, NotFound,
                "Dit pad bestaat niet; de API's staan onder /api/<dienst>/v1/ (zie de startpagina)."),
            StatusCodes.Status405MethodNotAllowed => WriteAsync(context, 405, Unimplemented,
                $"{context.Request.Method} is niet toegestaan op dit pad."),
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => WriteAsync(context, context.Response.StatusCode,
                Unavailable, "De dienst achter dit pad is nu niet bereikbaar; probeer het zo opnieuw."),
            StatusCodes.Status504GatewayTimeout => WriteAsync(context, 504, DeadlineExceeded,
                "De dienst achter dit pad antwoordde niet op tijd; probeer het zo opnieuw."),
            var other when other >= 500 => WriteAsync(context, other, Internal, "Er ging in de gateway iets mis."),
            var other => WriteAsync(context, other, Unimplemented, "Dit verzoek kan de gateway niet afhandelen."),
        };
    }
}
