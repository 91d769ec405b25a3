using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Llo.Gateway;

/// <summary>
/// A fixed window of requests per client, where a client is its IP address (after trusted forwarded
/// headers): the app host serves the gateway's ports unproxied, so this is the real peer, not a proxy's
/// 127.0.0.1. Once identity is in place an authenticated client id becomes the key instead.
/// Rejections are 429 with <c>Retry-After</c> and the platform's error shape. Health probes are limited
/// per client in a bucket of their own (<see cref="GatewayOptions.ProbeRateLimit"/>).
/// </summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        // Everything per-request is built once here: the partition lookup runs for every request, and a
        // lambda capturing the settings or a key string made from the address would allocate each time.
        var requests = LimiterOptions(options.RateLimit);
        var probes = LimiterOptions(options.ProbeRateLimit);
        Func<(IPAddress, bool), FixedWindowRateLimiterOptions> optionsFor = key => key.Item2 ? probes : requests;
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (IPAddress, bool)>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    (ClientKey(context), ServiceHealthChecks.IsProbe(context.Request.Path)), optionsFor));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions LimiterOptions(RateLimitSettings settings) => new()
    {
        PermitLimit = settings.PermitLimit,
        Window = settings.Window,
        QueueLimit = 0,
    };

    // The key is the address itself (value equality); an unknown address (in-memory hosts) shares 0.0.0.0.
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
