using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Llo.Hosting.Errors;

/// <summary>
/// The one error shape of every Llo JSON API: the JSON of <c>google.rpc.Status</c> (<c>code</c>, <c>message</c>,
/// <c>details</c> with <c>google.rpc.BadRequest</c> field violations), as gRPC JSON transcoding writes it, with
/// the HTTP status that transcoding maps the code to. Used for what transcoding does not answer itself:
/// unknown paths, wrong methods, unreadable bodies and minimal-API endpoints.
/// </summary>
public static class ApiError
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor)));

    public static Google.Rpc.Status Of(StatusCode code, string message) => new() { Code = (int)code, Message = message };

    /// <summary>InvalidArgument with one field violation, worded like the services' own validation errors.</summary>
    public static Google.Rpc.Status InvalidField(string field, string description)
    {
        var badRequest = new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
        };
        return new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = $"Ongeldige invoer: {field}: {description}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
    }

    /// <summary>The status an <see cref="RpcException"/> carries, details included when it was built from one.</summary>
    public static Google.Rpc.Status From(RpcException exception) =>
        exception.GetRpcStatus() ?? Of(exception.StatusCode, exception.Status.Detail);

    public static IResult Result(Google.Rpc.Status status, int? httpStatus = null) =>
        Results.Content(Formatter.Format(status), ContentType, statusCode: httpStatus ?? HttpStatus((StatusCode)status.Code));

    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status, int? httpStatus = null)
    {
        context.Response.StatusCode = httpStatus ?? HttpStatus((StatusCode)status.Code);
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(Formatter.Format(status), context.RequestAborted);
    }

    /// <summary>The HTTP status for a gRPC code, as google.rpc.Code documents it and JSON transcoding answers.</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => StatusCodes.Status408RequestTimeout,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
