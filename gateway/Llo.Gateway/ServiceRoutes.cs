using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Llo.Gateway;

/// <summary>
/// The proxy's routes: every service named in <c>Gateway:Services</c> (which the app host fills from the
/// services it declares) gets the same two routes. Extra hand-written routes may still come from <c>ReverseProxy</c>.
/// </summary>
public static class ServiceRoutes
{
    public const string IdentityService = "identity";

    /// <summary>Paths outside <c>/api/</c> that belong to the identity service (identity contract).</summary>
    public static readonly string[] IdentityPaths = [".well-known", "connect", "account"];

    public static WebApplicationBuilder AddServiceRoutes(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        foreach (var service in options.Services)
        {
            // JSON (gRPC transcoding), health and OpenAPI of the service, path kept as is.
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-json",
                ClusterId = $"{service}-http",
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            });
            clusters.Add(Cluster($"{service}-http", $"http://{service}"));

            // gRPC paths are /<package>.<Service>/<Method>; a catch-all may not share a segment with a
            // literal, so the service part is a parameter after the package prefix.
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-grpc",
                ClusterId = $"{service}-grpc",
                Match = new RouteMatch { Path = $"/{GrpcPackage(options, service)}.{{grpcService}}/{{grpcMethod}}" },
            });
            // "_grpc." asks service discovery for the service's endpoint named "grpc" (h2c, HTTP/2 only).
            clusters.Add(Cluster($"{service}-grpc", $"http://_grpc.{service}", new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            }));
        }

        if (options.Services.Contains(IdentityService))
        {
            // The OpenID Connect endpoints and the login page keep their standard paths: the gateway is the issuer.
            foreach (var prefix in IdentityPaths)
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{IdentityService}-{prefix.Trim('.')}",
                    ClusterId = $"{IdentityService}-http",
                    Match = new RouteMatch { Path = $"/{prefix}/{{**rest}}" },
                });
            }
        }

        if (!string.IsNullOrWhiteSpace(options.WebFrontEnd))
        {
            // Everything no other route claims goes to the web front end.
            routes.Add(new RouteConfig
            {
                RouteId = "web",
                ClusterId = "web",
                Order = 1000,
                Match = new RouteMatch { Path = "{**path}" },
            });
            clusters.Add(Cluster("web", options.WebFrontEnd));
        }

        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static string GrpcPackage(GatewayOptions options, string service) =>
        options.GrpcPackages.TryGetValue(service, out var package)
            ? package
            : $"llo.{service.Replace("-", "", StringComparison.Ordinal)}.v1";

    private static ClusterConfig Cluster(string id, string address, ForwarderRequestConfig? request = null) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { [id] = new() { Address = address } },
        HttpRequest = request,
    };
}
