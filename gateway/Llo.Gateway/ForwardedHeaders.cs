using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Llo.Gateway;

/// <summary>
/// X-Forwarded-For/Proto are believed only from the proxies in <c>Gateway:TrustedProxies</c> (IP addresses
/// or CIDR networks); the framework's default trust of loopback is removed. Without trusted proxies the
/// middleware is not even added. Either way the proxy then sets its own X-Forwarded-* towards the services
/// (YARP's default "Set"), replacing whatever an untrusted client sent, and drops a client's Forwarded header.
/// </summary>
public static class ForwardedHeaders
{
    public static WebApplicationBuilder AddTrustedForwardedHeaders(this WebApplicationBuilder builder)
    {
        var trusted = GatewayOptions.From(builder.Configuration).TrustedProxies;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // The middleware stops at the first hop it does not trust, so no fixed hop count is needed.
            options.ForwardLimit = null;
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        var trusted = GatewayOptions.From(app.ApplicationServices.GetRequiredService<IConfiguration>()).TrustedProxies;
        return trusted.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
