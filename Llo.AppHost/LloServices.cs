using Llo.AppHost.Infrastructure;

namespace Llo.AppHost;

/// <summary>
/// Marks a project as a Llo service with its own database. Everything that must know the list of
/// services (the gateway's routes, the end-to-end fixture, External mode's connection strings) reads
/// it from the model, so a service is declared once, in AppHost.cs.
/// </summary>
public sealed record LloServiceAnnotation(IResourceWithConnectionString Database) : IResourceAnnotation;

public static class LloServices
{
    /// <summary>
    /// A Llo service: its HTTP/1.1 and h2c endpoints, its own database "<paramref name="name"/>-db"
    /// (in External mode its connection string is then required), the broker, a health check, and the
    /// dashboard commands for its dead letters. In Processes mode it logs in to both with its own account:
    /// a PostgreSQL role that owns only its database, a RabbitMQ user allowed only its own queues
    /// (named "<paramref name="name"/>.…") and the shared exchanges.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddLloService<TProject>(
        this IDistributedApplicationBuilder builder, string name, LloInfrastructure infrastructure)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name).AsLloService(infrastructure);

    /// <inheritdoc cref="AddLloService{TProject}"/>
    public static IResourceBuilder<ProjectResource> AsLloService(
        this IResourceBuilder<ProjectResource> service, LloInfrastructure infrastructure)
    {
        var database = infrastructure.AddDatabase($"{service.Resource.Name}-db");
        return service
            .WithHttpAndGrpcEndpoints()
            .WithReference(database).WaitFor(database)
            .WithInfrastructureMessaging(infrastructure)
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithDeadLetterCommands()
            .WithAnnotation(new LloServiceAnnotation(database.Resource));
    }

    // Its own broker login where the mode has one (LloInfrastructure.ReferenceMessaging).
    private static IResourceBuilder<ProjectResource> WithInfrastructureMessaging(
        this IResourceBuilder<ProjectResource> service, LloInfrastructure infrastructure) =>
        infrastructure.ReferenceMessaging(service);

    /// <summary>The declared services, in declaration order.</summary>
    public static IReadOnlyList<ProjectResource> Declared(IEnumerable<IResource> resources) =>
        [.. resources.OfType<ProjectResource>().Where(resource => resource.Annotations.OfType<LloServiceAnnotation>().Any())];

    /// <summary>The service's database resource.</summary>
    public static IResourceWithConnectionString DatabaseOf(ProjectResource service) =>
        service.Annotations.OfType<LloServiceAnnotation>().Single().Database;

    /// <summary>
    /// The gateway routes every service declared before it (Gateway:Services, read by its ServiceRoutes),
    /// finds them through service discovery and starts once they are healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRoutesToLloServices(this IResourceBuilder<ProjectResource> gateway)
    {
        var app = gateway.ApplicationBuilder;
        var routed = Declared(app.Resources);
        for (var index = 0; index < routed.Count; index++)
        {
            var service = app.CreateResourceBuilder(routed[index]);
            gateway.WithReference(service).WaitFor(service)
                .WithEnvironment($"Gateway__Services__{index}", service.Resource.Name);
        }

        // A service declared after the gateway would run without a route: refuse the start instead.
        app.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            var unrouted = Declared(@event.Model.Resources).Except(routed).Select(service => service.Name).ToList();
            return unrouted.Count == 0
                ? Task.CompletedTask
                : throw new InvalidOperationException(
                    $"The gateway has no route to {string.Join(", ", unrouted)}: declare every service before the gateway in AppHost.cs.");
        });
        return gateway;
    }
}
