namespace Llo.AppHost;

/// <summary>
/// Every Llo service listens on two Kestrel endpoints: "http" (HTTP/1.1: JSON, health, OpenAPI)
/// and "grpc" (HTTP/2 without TLS, h2c). Aspire must hand each its own URL and know that "grpc"
/// speaks HTTP/2, so service discovery and YARP call it with prior-knowledge h2c.
/// </summary>
internal static class ServiceEndpoints
{
    public static IResourceBuilder<ProjectResource> WithHttpAndGrpcEndpoints(
        this IResourceBuilder<ProjectResource> project, int? httpPort = null, int? grpcPort = null) =>
        project
            .WithKestrelEndpoint("http", httpPort, transport: "http", protocols: "Http1")
            .WithKestrelEndpoint("grpc", grpcPort, transport: "http2", protocols: "Http2");

    private static IResourceBuilder<ProjectResource> WithKestrelEndpoint(
        this IResourceBuilder<ProjectResource> project, string name, int? port, string transport, string protocols)
    {
        if (!project.Resource.Annotations.OfType<EndpointAnnotation>().Any(endpoint => endpoint.Name == name))
        {
            project.WithHttpEndpoint(name: name);
        }
        return project
            .WithEndpoint(name, endpoint =>
            {
                // Ports in a service's appsettings.json are for running it alone; under the app host
                // only the ones given here are fixed, the rest are chosen free.
                endpoint.Port = port;
                endpoint.Transport = transport;
                if (port is not null)
                {
                    // A fixed port is a public entry (the gateway's): served by the project itself, not through
                    // the app host's proxy, behind which every client would be 127.0.0.1 (one rate-limit bucket).
                    endpoint.TargetPort = port;
                    endpoint.IsProxied = false;
                }
            }, createIfNotExists: false)
            .WithEnvironment(context =>
            {
                var endpoint = project.Resource.GetEndpoint(name);
                context.EnvironmentVariables[$"Kestrel__Endpoints__{name}__Url"] = ReferenceExpression.Create(
                    $"{endpoint.Property(EndpointProperty.Scheme)}://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");
                context.EnvironmentVariables[$"Kestrel__Endpoints__{name}__Protocols"] = protocols;
                // The named endpoints above are the whole truth; ASPNETCORE_URLS would only make Kestrel warn.
                context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
            });
    }
}
