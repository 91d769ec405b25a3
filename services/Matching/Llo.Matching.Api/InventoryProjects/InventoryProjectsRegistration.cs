using Llo.Contracts.Events;
using Llo.GrpcClients;
using Llo.Messaging;
using Inventory = Llo.Contracts.Inventory.V1;

namespace Llo.Matching.Api.InventoryProjects;

/// <summary>
/// The inventory's projects that train skills: matching listens to <see cref="ProjectRegistered"/> and
/// <see cref="ProjectUpdated"/> and reads the project over gRPC. Wired only when the app host gives matching a
/// reference to the inventory (<c>services:inventory</c>), since without it there is nothing to read. The queue names
/// start with <c>Matching:QueuePrefix</c> (default "matching", the prefix the service's broker login may use): one
/// test host takes a prefix of its own, so its events reach it and not another test's host.
/// </summary>
public static class InventoryProjectsRegistration
{
    public const string QueuePrefixSetting = "Matching:QueuePrefix";
    public const string InventorySection = "services:inventory";

    public static bool Enabled(IConfiguration configuration) => configuration.GetSection(InventorySection).Exists();

    public static LloMessagingBuilder AddInventoryProjects(this LloMessagingBuilder messaging, WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return messaging;
        }

        var prefix = builder.Configuration[QueuePrefixSetting] is { Length: > 0 } configured ? configured : "matching";
        builder.Services.AddLloGrpcClient<Inventory.ProjectService.ProjectServiceClient>("inventory");
        builder.Services.AddScoped<InventoryProjectReader>();
        builder.Services.AddSingleton<InventoryProjectSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InventoryProjectSync>());
        return messaging
            .AddHandler<ProjectRegistered, InventoryProjectHandler>($"{prefix}.project-registered")
            .AddHandler<ProjectUpdated, InventoryProjectHandler>($"{prefix}.project-updated");
    }

    /// <summary>Maps the operators' sync command when the inventory is wired.</summary>
    public static IEndpointRouteBuilder MapInventoryProjects(this IEndpointRouteBuilder endpoints, IConfiguration configuration) =>
        Enabled(configuration) ? endpoints.MapInventoryProjectSync() : endpoints;
}
