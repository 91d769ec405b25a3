using Grpc.Core;
using Llo.Hosting.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Llo.Hosting.Access;

/// <summary>
/// Answers a refused request in the one error shape, in Dutch: 401 <c>Unauthenticated</c> without a valid token, 403
/// <c>PermissionDenied</c> without the role or scope, each with <c>WWW-Authenticate</c>. A native gRPC call gets a
/// real gRPC status (trailers-only), so a partner's client sees StatusCode.Unauthenticated, not an HTTP error.
/// </summary>
internal sealed class AccessDeniedAnswer : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The bearer handler sets 401 and WWW-Authenticate (with error="invalid_token" when a token was sent).
            await context.ChallengeAsync();
            var message = context.Request.Headers.Authorization.Count == 0
                ? "Log eerst in: dit verzoek vraagt een toegangstoken (Authorization: Bearer …)."
                : "Het toegangstoken is ongeldig of verlopen; log opnieuw in.";
            await WriteAsync(context, ApiError.Of(StatusCode.Unauthenticated, message));
        }
        else if (authorizeResult.Forbidden)
        {
            await context.ForbidAsync();
            context.Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer error=\"insufficient_scope\"");
            await WriteAsync(context, ApiError.Of(StatusCode.PermissionDenied, "Hiervoor heeft u geen toestemming: uw rol of scope volstaat niet."));
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private static Task WriteAsync(HttpContext context, Google.Rpc.Status status)
    {
        if (!IsNativeGrpc(context.Request))
        {
            return ApiError.WriteAsync(context, status);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(status)).TrimEnd('=');
        return Task.CompletedTask;
    }

    private static bool IsNativeGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
