using System.Collections.Concurrent;
using Llo.Hosting.Errors;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Llo.Hosting.Json;

/// <summary>
/// Checks the query parameters and the JSON body of a transcoded call before transcoding reads them, because
/// transcoding reports an unreadable value in English, without the field, sometimes with a .NET type name, and logs
/// it with a stack trace. A refused request is answered with the one error shape (field in the caller's own JSON
/// path, in Dutch) and logged as one Warning line that never quotes the body. A body that passes is handed on
/// unchanged from the buffer it was read into.
/// </summary>
internal sealed class TranscodedRequestCheck(RequestDelegate next, ILogger<TranscodedRequestCheck> logger)
{
    private readonly ConcurrentDictionary<Endpoint, TranscodedCall> _calls = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoding)
        {
            await next(context);
            return;
        }

        var call = _calls.GetOrAdd(endpoint, _ => TranscodedCall.For(transcoding.MethodDescriptor, transcoding.HttpRule));
        if (QueryParameterCheck.Check(context.Request.Query, call) is { } queryProblem)
        {
            await RefuseAsync(context, endpoint, queryProblem);
            return;
        }

        if (call.Body is not { } body)
        {
            // No body to read, but transcoding would still answer in a charset the Content-Type names.
            context.Request.ContentType = null;
            await next(context);
            return;
        }

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            var field = body.Root.Length > 0 ? body.Root : "body";
            await RefuseAsync(context, endpoint, new RequestProblem(field, "Stuur de body als JSON, met Content-Type: application/json.", "not JSON content", field));
            return;
        }

        var buffer = new MemoryStream(request.ContentLength is > 0 and < 1 << 20 ? (int)request.ContentLength : 4096);
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if ((JsonCharset.Problem(json, body) ?? JsonBodyWalker.Check(json, body)) is { } problem)
        {
            await RefuseAsync(context, endpoint, problem);
            return;
        }

        // JSON is UTF-8 whatever the header says (RFC 8259); transcoding would read and answer in the declared charset.
        mediaType.Charset = "utf-8";
        request.ContentType = mediaType.ToString();
        buffer.Position = 0;
        request.Body = buffer;
        await next(context);
    }

    private Task RefuseAsync(HttpContext context, Endpoint endpoint, RequestProblem problem)
    {
        logger.LogWarning("Refused {Method} {Endpoint}: {Problem} at {Field}",
            context.Request.Method, (endpoint as RouteEndpoint)?.RoutePattern.RawText, problem.Kind, problem.LogField);
        return ApiError.WriteAsync(context, ApiError.InvalidField(problem.Field, problem.Description));
    }
}
