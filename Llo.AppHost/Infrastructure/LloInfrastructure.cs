using Microsoft.Extensions.Logging;

namespace Llo.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL (one database per service) and RabbitMQ, the same shape in every
/// <see cref="InfrastructureMode"/> so the topology in AppHost.cs never branches on the mode.
/// </summary>
public sealed class LloInfrastructure(
    InfrastructureMode mode,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
    IResourceBuilder<IResourceWithConnectionString> messaging,
    Func<string, ReferenceExpression>? messagingLogin = null)
{
    public InfrastructureMode Mode { get; } = mode;

    /// <summary>The RabbitMQ broker; its connection string is named "messaging".</summary>
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; } = messaging;

    /// <summary>A service's own database; <paramref name="name"/> is its connection string name, e.g. "inventory-db".</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);

    /// <summary>
    /// Gives <paramref name="service"/> the connection string "messaging": its own broker login where the mode makes
    /// one (Processes), the broker's connection string otherwise; the service starts once the broker is healthy.
    /// </summary>
    public IResourceBuilder<ProjectResource> ReferenceMessaging(IResourceBuilder<ProjectResource> service) =>
        (messagingLogin is null
            ? service.WithReference(Messaging)
            : service.WithEnvironment($"ConnectionStrings__{Messaging.Resource.Name}", messagingLogin(service.Resource.Name)))
        .WaitFor(Messaging);
}

public static class LloInfrastructureExtensions
{
    /// <summary>Adds PostgreSQL and RabbitMQ in the mode Llo:Infrastructure names, or the one this machine supports.</summary>
    public static LloInfrastructure AddLloInfrastructure(this IDistributedApplicationBuilder builder)
    {
        Prerequisites.ReportWithoutStackTrace();
        var (mode, reason, containerRuntime) = InfrastructureModeChooser.Choose(builder.Configuration);
        var settings = LloSettings.From(builder);
        var infrastructure = mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder, containerRuntime),
            InfrastructureMode.Processes => AddProcesses(builder, settings with
            {
                StateDirectory = ServiceAccount.ReachableDirectory(settings.StateDirectory),
            }),
            _ => AddExternal(builder),
        };

        var details = mode switch
        {
            InfrastructureMode.Processes =>
                $"PostgreSQL on 127.0.0.1:{settings.PostgresPort}, RabbitMQ on 127.0.0.1:{settings.RabbitMqPort}, data in {ServiceAccount.ReachableDirectory(settings.StateDirectory)}",
            InfrastructureMode.Containers => $"PostgreSQL and RabbitMQ containers via {containerRuntime ?? "the configured runtime"}",
            _ => "connection strings from configuration (ConnectionStrings:<name>)",
        };
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Llo.Infrastructure")
                .LogInformation("Infrastructure mode {Mode} ({Reason}): {Details}. Override with Llo__Infrastructure=Containers|Processes|External.",
                    mode, reason, details);
            return Task.CompletedTask;
        });
        return infrastructure;
    }

    private static LloInfrastructure AddProcesses(IDistributedApplicationBuilder builder, LloSettings settings)
    {
        var postgres = builder.AddPostgresProcess("postgres", settings);
        var messaging = builder.AddRabbitMqProcess("messaging", settings);
        var secrets = Path.Combine(settings.StateDirectory, "secrets");
        return new LloInfrastructure(InfrastructureMode.Processes,
            name => postgres.AddDatabase(name, DatabaseName(name)), messaging,
            service => messaging.AddLogin(service, secrets));
    }

    private static LloInfrastructure AddContainers(IDistributedApplicationBuilder builder, string? containerRuntime)
    {
        if (containerRuntime is not null)
        {
            builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] = containerRuntime;
        }
        var postgres = builder.AddPostgres("postgres").WithDataVolume("llo-postgres-data");
        var messaging = builder.AddRabbitMQ("messaging").WithDataVolume("llo-rabbitmq-data");
        return new LloInfrastructure(InfrastructureMode.Containers,
            name => postgres.AddDatabase(name, DatabaseName(name)), messaging);
    }

    private static LloInfrastructure AddExternal(IDistributedApplicationBuilder builder) =>
        new(InfrastructureMode.External, name => AddGivenConnectionString(builder, name), AddGivenConnectionString(builder, "messaging"));

    // Without a value Aspire would wait silently for one to be typed into the dashboard.
    private static IResourceBuilder<IResourceWithConnectionString> AddGivenConnectionString(IDistributedApplicationBuilder builder, string name)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
        {
            throw new PrerequisiteException(
                $"External mode needs the connection string '{name}': set ConnectionStrings__{name} (or ConnectionStrings:{name} in user secrets).");
        }
        return builder.AddConnectionString(name);
    }

    // "inventory-db" is the connection string name; the database itself is called "inventory".
    private static string DatabaseName(string name) => name.EndsWith("-db", StringComparison.Ordinal) ? name[..^3] : name;
}
