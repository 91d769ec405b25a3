using Llo.Hosting.Access;
using Llo.Inventory.Api;
using Llo.Matching.Api.InventoryProjects;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using static Llo.Matching.Tests.Twins.TwinRequests;
using InventoryV1 = Llo.Contracts.Inventory.V1;

namespace Llo.Matching.Tests.InventoryProjects;

/// <summary>
/// The real inventory and a matching service that reads it over gRPC and consumes its events on queues of its own
/// (one prefix for this class only; two delivery attempts, so one retry queue: few quorum queues on the shared broker).
/// A project is registered in the inventory before matching starts, so only the start-up sync can know it. The region
/// holds a restaurant's cook job and a cook who lacks two of its essential skills.
/// </summary>
public sealed class InventoryRegion : IAsyncLifetime
{
    public InventoryHost Inventory { get; } = new();

    public MatchingHost Matching { get; } = new();

    public Guid CoachId { get; } = Guid.NewGuid();

    public string WorkerId { get; private set; } = "";

    public string[] Missing { get; private set; } = [];

    public Guid EarlierProject { get; private set; }

    public InventoryV1.ProjectService.ProjectServiceClient Projects => new(Inventory.Grpc);

    public async Task InitializeAsync()
    {
        await Inventory.InitializeAsync();
        Missing = Essential("kok")[^2..];
        EarlierProject = await RegisterAsync("Kookstudio Schiedam", InventoryV1.ProjectStatus.Running);

        Matching.Settings[$"{InventoryProjectsRegistration.InventorySection}:grpc:0"] = $"http://{Inventory.Grpc.Target}";
        Matching.Settings[InventoryProjectsRegistration.QueuePrefixSetting] = "matching.test-" + Guid.NewGuid().ToString("N")[..8];
        Matching.Settings["Llo:Messaging:MaxDeliveryAttempts"] = "2";
        await Matching.InitializeAsync();

        var hr = Matching.JsonAs(Hr(TestOrganisations.One));
        var restaurant = await PostAsync(hr, "/employers", Employer("Restaurant Test", "hospitality", "Vlaardingen"));
        await PostAsync(hr, $"/employers/{restaurant.Id()}/jobs", Job("kok", "Vlaardingen"));
        WorkerId = (await PostAsync(Matching.JsonAs(Coach(CoachId)), "/workers", Worker(Essential("kok")[..^2], hours: 32,
            municipality: "Vlaardingen", sectors: ["hospitality"]))).Id();
    }

    /// <summary>Registers a project in the inventory whose description names the first skill the cook lacks.</summary>
    public async Task<Guid> RegisterAsync(string title, InventoryV1.ProjectStatus status)
    {
        var created = await Projects.CreateProjectAsync(new InventoryV1.CreateProjectRequest
        {
            Project = new InventoryV1.ProjectFields
            {
                Title = title,
                Summary = "Een leerwerkplek in een echte keuken voor mensen die een nieuw vak willen leren.",
                Description = $"Deelnemers leren in de praktijk: {Label(Missing[0]).ToLowerInvariant()}. Een coach begeleidt hen.",
                Status = status,
                FocusLines = { Llo.Contracts.Common.V1.FocusLine.WorkToWork },
            },
        });
        return Guid.Parse(created.Project.Id);
    }

    /// <summary>The row matching holds for the project, or null.</summary>
    public async Task<(string Status, string[] Skills, DateTimeOffset SyncedAt)?> StoredAsync(Guid project)
    {
        await using var connection = await Matching.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT status, skill_uris, synced_at FROM inventory_projects WHERE project_id = @id", connection);
        command.Parameters.AddWithValue("id", project);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<DateTimeOffset>(2)) : null;
    }

    public async Task DisposeAsync()
    {
        await Matching.DisposeAsync();
        await Inventory.DisposeAsync();
    }

    /// <summary>The inventory on loopback ports, without its demo projects, acting as its programme manager.</summary>
    public sealed class InventoryHost : ServiceTestHost
    {
        public InventoryHost() : base("inventory-db") => Settings["Inventory:SeedDemoData"] = "false";

        protected override TestToken? DefaultToken => TestToken.User("inventory", TestOrganisations.One, LloRoles.ProgrammeManager);

        protected override WebApplication Build(string[] args) => InventoryApp.Build(args);
    }
}
