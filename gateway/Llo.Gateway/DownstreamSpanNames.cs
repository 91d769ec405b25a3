using System.Diagnostics;
using OpenTelemetry.Instrumentation.AspNetCore;
using Yarp.ReverseProxy.Model;

namespace Llo.Gateway;

/// <summary>
/// Names a proxied request's span after the downstream route (<c>GET /api/inventory/v1/projects/{id}</c>,
/// <c>llo.inventory.v1.ProjectService/GetProject</c>) instead of the proxy's catch-all template
/// (<c>GET /api/inventory/{**rest}</c>), so operators tell requests apart on the dashboard. The names stay few:
/// JSON paths alternate collection and id (resource-oriented paths), so every id position becomes <c>{id}</c>
/// whatever it holds, and a path the service does not know (404, 405, gRPC Unimplemented) or that does not look
/// like a route keeps the template.
/// </summary>
public static class DownstreamSpanNames
{
    private const int MaxSegments = 8;
    private const int MaxNameLength = 64;

    public static WebApplicationBuilder AddDownstreamSpanNames(this WebApplicationBuilder builder)
    {
        // The instrumentation sets the template name when the request ends, then calls this enricher.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var previous = options.EnrichWithHttpResponse;
            options.EnrichWithHttpResponse = (activity, response) =>
            {
                previous?.Invoke(activity, response);
                Rename(activity, response);
            };
        });
        return builder;
    }

    private static void Rename(Activity activity, HttpResponse response)
    {
        var context = response.HttpContext;
        // Only proxied requests: the gateway's own endpoints keep their names.
        if (context.Features.Get<IReverseProxyFeature>() is null) return;
        var grpcStatus = response.Headers["grpc-status"];
        var name = For(context.Request.Method, context.Request.Path.Value, response.StatusCode, grpcStatus.Count == 1 ? grpcStatus[0] : null);
        if (name is not null) activity.DisplayName = name;
    }

    /// <summary>The span name for a proxied request, or null to keep the route template.</summary>
    public static string? For(string method, string? path, int statusCode, string? grpcStatus = null)
    {
        if (string.IsNullOrEmpty(path) || statusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
        {
            return null;
        }
        var segments = path.Split('/');
        if (segments.Length > MaxSegments + 1 || segments[0].Length != 0)
        {
            return null;
        }
        return segments.Length == 3 && segments[1].StartsWith("llo.", StringComparison.Ordinal)
            ? GrpcName(segments[1], segments[2], grpcStatus)
            : JsonName(method, segments);
    }

    // /<package>.<Service>/<Method>: both names are identifiers the package declares.
    private static string? GrpcName(string service, string grpcMethod, string? grpcStatus)
    {
        const string Unimplemented = "12";
        return grpcStatus != Unimplemented && IsName(service, allowDots: true) && IsName(grpcMethod, allowDots: false)
            ? $"{service}/{grpcMethod}"
            : null;
    }

    // /api/<service>/<version>/<collection>/<id>/<collection>/<id>[:verb]
    private static string? JsonName(string method, string[] segments)
    {
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method) && !HttpMethods.IsPut(method)
            && !HttpMethods.IsPatch(method) && !HttpMethods.IsDelete(method))
        {
            return null;
        }
        if (segments.Length < 4 || segments[1] != "api")
        {
            return null;
        }
        var parts = new string[segments.Length - 1];
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isId = i >= 5 && (i - 4) % 2 == 1;
            string? part;
            if (isId)
            {
                var colon = segment.IndexOf(':', StringComparison.Ordinal);
                part = colon < 0 ? "{id}" : IsVerb(segment[(colon + 1)..]) ? "{id}" + segment[colon..] : null;
            }
            else
            {
                part = IsName(segment, allowDots: true, allowVerb: true) ? segment : null;
            }
            if (part is null) return null;
            parts[i - 1] = part;
        }
        return $"{method} /{string.Join('/', parts)}";
    }

    private static bool IsVerb(string verb) => verb.Length is > 0 and <= MaxNameLength && verb.All(char.IsAsciiLetter);

    private static bool IsName(string name, bool allowDots, bool allowVerb = false)
    {
        if (name.Length is 0 or > MaxNameLength || !char.IsAsciiLetter(name[0])) return false;
        var colon = allowVerb ? name.IndexOf(':', StringComparison.Ordinal) : -1;
        var body = colon < 0 ? name : name[..colon];
        return body.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' || c == '-' || (allowDots && c == '.'))
            && !Guid.TryParse(body, out _) // an id where a collection belongs
            && (colon < 0 || IsVerb(name[(colon + 1)..]));
    }
}
