using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Llo.Gateway;

/// <summary>
/// A fixed window of requests per client, where a client is its IP address (after trusted forwarded
/// headers). Once identity is in place an authenticated client id becomes the key instead.
/// Rejections are 429 with <c>Retry-After</c> and the platform's error shape. Health probes are never limited.
/// </summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = GatewayOptions.From(builder.Configuration).RateLimit;
        // Everything per-request is built once here: the partition lookup runs for every request, and a
        // lambda capturing the settings or a key string made from the address would allocate each time.
        var limiterOptions = new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Window,
            QueueLimit = 0,
        };
        Func<IPAddress, FixedWindowRateLimiterOptions> optionsFor = _ => limiterOptions;
        var probes = RateLimitPartition.GetNoLimiter(ProbesKey);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(context =>
                ServiceHealthChecks.IsProbe(context.Request.Path)
                    ? probes
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), optionsFor));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    // The key is the address itself (value equality). No TCP client comes from the broadcast address, so it
    // can stand for the probes' partition; an unknown address (in-memory hosts) shares 0.0.0.0.
    private static readonly IPAddress ProbesKey = IPAddress.Broadcast;

    private static IPAddress ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress ?? IPAddress.Any;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await GatewayErrors.TooManyRequestsAsync(context, retryAfter);
    }
}
