using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.Hosting.Errors;

/// <summary>
/// Gives the errors that happen around the API's endpoints the one error shape, in Dutch: an unknown path (404),
/// a method the path does not take (405), a body over the size limit (413) and any other empty error answer.
/// Only for <c>/api/</c>: health probes and gRPC keep their own answers.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals (body too large, client too slow): the caller's doing, so one line at Warning.
            logger.LogWarning("Refused {Method} request: {StatusCode} {Reason}", context.Request.Method, exception.StatusCode, exception.Message);
            var status = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(context)
                : ApiError.Of(StatusCode.InvalidArgument, "Het verzoek kon niet worden gelezen.");
            await ApiError.WriteAsync(context, status, exception.StatusCode);
            return;
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Not a defect: the database is down or restarting (a minimal-API endpoint; gRPC has its interceptor).
            logger.LogWarning("Database unavailable for {Method} {Endpoint}: {Reason}", context.Request.Method,
                context.GetEndpoint()?.DisplayName, exception.GetBaseException().Message);
            await ApiError.WriteAsync(context, ApiError.Of(StatusCode.Unavailable, DatabaseUnavailable.Message));
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A defect of ours: logged in full here, because the exception handler further out never sees it.
            logger.LogError(exception, "Unhandled exception for {Method} {Endpoint}", context.Request.Method, context.GetEndpoint()?.DisplayName);
            await ApiError.WriteAsync(context, ApiError.Of(StatusCode.Internal, "Er ging aan onze kant iets mis."));
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && response.ContentType is null)
        {
            await ApiError.WriteAsync(context, ForEmptyAnswer(context), response.StatusCode);
        }
    }

    private static Google.Rpc.Status ForEmptyAnswer(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ApiError.Of(StatusCode.NotFound,
            "Dit pad bestaat niet in deze API; zie het OpenAPI-document van de dienst."),
        StatusCodes.Status405MethodNotAllowed => ApiError.Of(StatusCode.Unimplemented,
            $"{context.Request.Method} is niet toegestaan op dit pad; wel: {context.Response.Headers.Allow}."),
        StatusCodes.Status413PayloadTooLarge => TooLarge(context),
        StatusCodes.Status415UnsupportedMediaType => ApiError.Of(StatusCode.InvalidArgument, "Stuur de body als JSON (Content-Type: application/json)."),
        StatusCodes.Status401Unauthorized => ApiError.Of(StatusCode.Unauthenticated, "Log eerst in."),
        StatusCodes.Status403Forbidden => ApiError.Of(StatusCode.PermissionDenied, "Hiervoor heeft u geen toestemming."),
        StatusCodes.Status429TooManyRequests => ApiError.Of(StatusCode.ResourceExhausted, "Te veel verzoeken; probeer het zo weer."),
        >= 500 => ApiError.Of(StatusCode.Internal, "Er ging aan onze kant iets mis."),
        _ => ApiError.Of(StatusCode.InvalidArgument, "Het verzoek is ongeldig."),
    };

    private static Google.Rpc.Status TooLarge(HttpContext context) =>
        ApiError.Of(StatusCode.ResourceExhausted,
            $"De body van het verzoek is te groot: hoogstens {context.RequestServices.GetRequiredService<LloApi>().MaxRequestSize} bytes.");
}
